// Package gates parses the reports that PHP tools write (PHPUnit clover and
// JUnit, the Infection JSON log) and decides pass or fail from them.
//
// Every gate fails closed: a missing, empty or malformed report is an error
// that says what is wrong and how to produce a good one, never a pass. The
// package imports no Dagger so the decisions are testable on their own; the
// caller adds which service and stage a message belongs to.
package gates

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/big"
	"os"
	"strconv"
)

// maxReportSize bounds how much of a report is read, so a runaway file cannot
// exhaust memory; real reports of one service are a few megabytes at most.
const maxReportSize = 256 << 20

// report names a kind of report and how to produce it, for error messages.
type report struct {
	kind string // "clover report"
	fix  string // "run phpunit with --coverage-clover <file>"
}

// read returns the whole report, failing closed on a nil reader, a read
// error, an oversized or an empty report.
func (k report) read(r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, fmt.Errorf("%s is missing: %s", k.kind, k.fix)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxReportSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s could not be read: %w", k.kind, err)
	}
	if len(data) > maxReportSize {
		return nil, fmt.Errorf("%s is larger than %d MiB: is it the right file?", k.kind, maxReportSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s is empty: %s", k.kind, k.fix)
	}
	return data, nil
}

// decode reads a whole report and unmarshals it into a T, failing closed.
func decode[T any](k report, r io.Reader, unmarshal func([]byte, any) error) (T, error) {
	var doc T
	data, err := k.read(r)
	if err != nil {
		return doc, err
	}
	if err := unmarshal(data, &doc); err != nil {
		return doc, k.malformed(err)
	}
	return doc, nil
}

// malformed wraps a decoding error with the report kind and the fix.
func (k report) malformed(err error) error {
	return fmt.Errorf("%s is malformed (%w): %s", k.kind, err, k.fix)
}

// ParseFile opens path and parses it with parse, naming the file in every
// error. A missing file gets its own message because it usually means the
// tool never ran or wrote elsewhere, not that the report is bad.
func ParseFile[T any](path string, parse func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return zero, fmt.Errorf("%s: report not found: did the tool run and write it there?", path)
	}
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	v, err := parse(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// decimal turns a threshold into the exact decimal it was written as
// (80 → 80, 79.99 → 7999/100), so that comparisons against it are exact
// rather than subject to binary floating point.
func decimal(f float64) (*big.Rat, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f > 100 {
		return nil, fmt.Errorf("threshold %v is not a percentage between 0 and 100", f)
	}
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(f, 'f', -1, 64))
	if !ok {
		return nil, fmt.Errorf("threshold %v is not a number", f)
	}
	return r, nil
}

// percent formats r as a percentage truncated (not rounded) to two decimals,
// so a failing 79.996% prints as 79.99% and never as the threshold itself.
func percent(r *big.Rat) string {
	hundredths := new(big.Int).Mul(r.Num(), big.NewInt(100))
	hundredths.Quo(hundredths, r.Denom())
	q, m := new(big.Int).QuoRem(hundredths, big.NewInt(100), new(big.Int))
	return fmt.Sprintf("%s.%02d%%", q, m.Abs(m).Int64())
}
