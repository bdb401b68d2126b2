// Package trivy builds the Trivy command lines of the scan stage and decides
// its verdict from Trivy's JSON report.
//
// The design keeps SARIF and gate in agreement (trivy-action famously ignores
// --severity when writing SARIF, so its report and its exit code disagree):
//
//  1. every scan runs unfiltered (all severities, Trivy's own ignore file off)
//     and writes JSON: FSArgs, ConfigArgs, ImageArgs;
//  2. ParseReport reads the JSON, failing closed on empty or malformed input;
//  3. Evaluate applies one Policy (threshold, ignore-unfixed, the ignore file
//     in security/) and returns a Verdict whose Blocking findings are the gate;
//  4. Report.Filtered writes a JSON holding only those findings, and
//     ConvertSARIFArgs turns it into SARIF, so the SARIF shows what blocked.
//
// The package imports no Dagger: the stage runs these argv in the
// aquasec/trivy image, and the tests here run the very same argv with the
// pinned binary.
package trivy
