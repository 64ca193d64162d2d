package p
/* abc
