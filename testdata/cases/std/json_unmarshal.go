// json.Unmarshal into the address of a local struct.
package p

import "encoding/json"

type config struct {
	Port int
	Host string
}

func decode(data []byte) (config, error) {
	var c config
	err := json.Unmarshal(data, &c)
	return c, err
}
