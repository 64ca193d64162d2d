// json.Marshal of a local struct: the value goes through an interface.
package p

import "encoding/json"

type user struct {
	Name string `json:"name"`
	Age  int    `json:"age"`
}

func encode(name string, age int) ([]byte, error) {
	u := user{Name: name, Age: age}
	return json.Marshal(u)
}
