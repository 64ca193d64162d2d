// A realistic 300-line file for `npm run bench:lsp`: an inventory service with std imports
// (fmt, strings, strconv, sort, errors, sync, bytes, io), structs, methods, closures,
// slices, maps and interfaces, the mix of escape decisions an editor shows while typing.
package inventory

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
)

var ErrNotFound = errors.New("item not found")

var defaultStore *Store

type Item struct {
	SKU      string
	Name     string
	Price    int64
	Quantity int
	Tags     []string
}

type Store struct {
	mu     sync.Mutex
	items  map[string]*Item
	log    []string
	hooks  []func(*Item)
	closed bool
}

type Event struct {
	Kind string
	Item *Item
}

type Sink interface {
	Emit(e Event) error
}

type bufferSink struct {
	buf bytes.Buffer
}

func (b *bufferSink) Emit(e Event) error {
	b.buf.WriteString(e.Kind)
	b.buf.WriteByte(' ')
	b.buf.WriteString(e.Item.SKU)
	b.buf.WriteByte('\n')
	return nil
}

func NewStore() *Store {
	s := &Store{items: make(map[string]*Item)}
	return s
}

func Default() *Store {
	if defaultStore == nil {
		defaultStore = NewStore()
	}
	return defaultStore
}

func (s *Store) Add(it *Item) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("store closed")
	}
	if it.SKU == "" {
		return fmt.Errorf("item %q has no SKU", it.Name)
	}
	s.items[it.SKU] = it
	s.log = append(s.log, "add "+it.SKU)
	for _, h := range s.hooks {
		h(it)
	}
	return nil
}

func (s *Store) Get(sku string) (*Item, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[sku]
	if !ok {
		return nil, ErrNotFound
	}
	return it, nil
}

func (s *Store) Remove(sku string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.items[sku]; !ok {
		return false
	}
	delete(s.items, sku)
	s.log = append(s.log, "remove "+sku)
	return true
}

func (s *Store) OnAdd(h func(*Item)) {
	s.hooks = append(s.hooks, h)
}

func (s *Store) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
}

func (s *Store) SKUs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := make([]string, 0, len(s.items))
	for k := range s.items {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (s *Store) Total() int64 {
	var total int64
	for _, it := range s.items {
		total += it.Price * int64(it.Quantity)
	}
	return total
}

func (s *Store) ByTag(tag string) []*Item {
	var out []*Item
	for _, it := range s.items {
		for _, t := range it.Tags {
			if t == tag {
				out = append(out, it)
				break
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SKU < out[j].SKU })
	return out
}

func (s *Store) Cheapest(n int) []Item {
	all := make([]Item, 0, len(s.items))
	for _, it := range s.items {
		all = append(all, *it)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Price < all[j].Price })
	if n < len(all) {
		all = all[:n]
	}
	return all
}

func (s *Store) Publish(sink Sink) error {
	for _, sku := range s.SKUs() {
		it, err := s.Get(sku)
		if err != nil {
			return err
		}
		if err := sink.Emit(Event{Kind: "item", Item: it}); err != nil {
			return fmt.Errorf("publish %s: %w", sku, err)
		}
	}
	return nil
}

func (s *Store) Report(w io.Writer) error {
	var b strings.Builder
	for _, sku := range s.SKUs() {
		it := s.items[sku]
		b.WriteString(it.SKU)
		b.WriteString("\t")
		b.WriteString(it.Name)
		b.WriteString("\t")
		b.WriteString(strconv.FormatInt(it.Price, 10))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func ParseItem(line string) (*Item, error) {
	fields := strings.Split(line, ",")
	if len(fields) < 4 {
		return nil, fmt.Errorf("want 4 fields, got %d", len(fields))
	}
	price, err := strconv.ParseInt(strings.TrimSpace(fields[2]), 10, 64)
	if err != nil {
		return nil, err
	}
	qty, err := strconv.Atoi(strings.TrimSpace(fields[3]))
	if err != nil {
		return nil, err
	}
	it := &Item{
		SKU:      strings.TrimSpace(fields[0]),
		Name:     strings.TrimSpace(fields[1]),
		Price:    price,
		Quantity: qty,
	}
	if len(fields) > 4 {
		it.Tags = fields[4:]
	}
	return it, nil
}

func Load(s *Store, lines []string) (int, error) {
	n := 0
	for i, line := range lines {
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		it, err := ParseItem(line)
		if err != nil {
			return n, fmt.Errorf("line %d: %w", i+1, err)
		}
		if err := s.Add(it); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

func Counter() func() int {
	count := 0
	return func() int {
		count++
		return count
	}
}

func Summaries(items []*Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = fmt.Sprintf("%s x%d", it.Name, it.Quantity)
	}
	return out
}

func sumPrices(items []Item) int64 {
	var total int64
	for i := range items {
		total += items[i].Price
	}
	return total
}

func localBuffer() int {
	var buf [64]byte
	n := copy(buf[:], "inventory")
	return n
}

func scratch() int {
	tmp := make([]int, 16)
	for i := range tmp {
		tmp[i] = i * i
	}
	return tmp[3]
}

func keepPointer(it *Item) *Item {
	return it
}

func largeArray() *[1 << 16]byte {
	var a [1 << 16]byte
	return &a
}

func Demo() string {
	s := NewStore()
	sink := &bufferSink{}
	next := Counter()
	s.OnAdd(func(it *Item) {
		it.Quantity += next()
	})
	_, _ = Load(s, []string{"a1, apple, 120, 3, fruit", "b2, bread, 250, 1"})
	_ = s.Publish(sink)
	cheap := s.Cheapest(1)
	_ = sumPrices(cheap)
	_ = keepPointer(&cheap[0])
	_ = localBuffer() + scratch()
	var w strings.Builder
	_ = s.Report(&w)
	return w.String() + sink.buf.String()
}
