// Package conformance renders every kustomize overlay under infrastructure/ and
// checks the result against the official definitions of each kind and against
// the contracts the services and the pipeline rely on.
package conformance
