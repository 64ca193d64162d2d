// context.WithCancel and WithValue around a parameter context.
package p

import "context"

type key struct{}

func run(parent context.Context, id string) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	ctx = context.WithValue(ctx, key{}, id)
	return ctx.Err()
}
