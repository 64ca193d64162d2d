// A value error type: the value is boxed when returned as error.
package p

type codeErr int

func (e codeErr) Error() string { return "code" }

func failCode(c int) error {
	return codeErr(c)
}
