"""junit_consumer.py -- reads spikecheck's JUnit XML with junitparser (a
consumer CI systems use) and checks it against the JSON report of the same
run: every suite's counts as junitparser recomputes them from its
testcases, the suite and testcase properties, and per checker the verdict
counts of the JSON records.  Usage: python3 junit_consumer.py XML JSON
Prints one line and exits 0, or prints what differs and exits 1."""
import collections
import json
import sys

from junitparser import Failure, JUnitXml, Properties, Skipped

VERDICTS = ("HOLDS", "VIOLATED", "NOT-APPLICABLE", "UNDECIDED")


def props(elem):
    p = elem.child(Properties)
    return {} if p is None else {q.name: q.value for q in p}


def main(xml_path, json_path):
    errors = []
    xml = JUnitXml.fromfile(xml_path)
    with open(json_path, encoding="utf-8") as f:
        records = json.load(f)["results"]
    want = collections.Counter((r["checker"], r["verdict"]) for r in records)
    replay = {(r["checker"], r["case"]): r["replay"] for r in records}
    got = collections.Counter()
    ncases = 0
    for suite in xml:
        attrs = (suite.tests, suite.failures, suite.skipped, suite.errors)
        suite.update_statistics()       # junitparser counts the testcases
        recount = (suite.tests, suite.failures, suite.skipped, suite.errors)
        if attrs != recount:
            errors.append("%s: tests/failures/skipped/errors %s, junitparser "
                          "counts %s" % (suite.name, attrs, recount))
        sp = props(suite)
        if set(VERDICTS) - set(sp) or "provenance" not in sp:
            errors.append("%s: suite properties %s" % (suite.name, sp))
            continue
        verdicts = collections.Counter()
        for case in suite:
            ncases += 1
            cp = props(case)
            v = cp.get("verdict")
            verdicts[v] += 1
            got[(suite.name, v)] += 1
            where = "%s/%s" % (suite.name, case.name)
            for key in ("claim", "verdict", "predicted", "observed", "slack",
                        "precision", "step", "replay"):
                if key not in cp:
                    errors.append("%s: no property %s" % (where, key))
            if cp.get("claim") != suite.name or case.classname != suite.name:
                errors.append("%s: claim %s" % (where, cp.get("claim")))
            if cp.get("replay") != replay.get((suite.name, case.name)):
                errors.append("%s: replay %r, JSON has %r" % (
                    where, cp.get("replay"),
                    replay.get((suite.name, case.name))))
            res = case.result
            kind = ("failure:" + res[0].type if len(res) == 1
                    and isinstance(res[0], Failure) else "skipped"
                    if len(res) == 1 and isinstance(res[0], Skipped)
                    else "passed" if case.is_passed else "other")
            if kind != {"HOLDS": "passed", "NOT-APPLICABLE": "skipped",
                        "VIOLATED": "failure:VIOLATED",
                        "UNDECIDED": "failure:UNDECIDED"}.get(v):
                errors.append("%s: verdict %s but result %s" % (where, v,
                                                                kind))
        for v in VERDICTS:
            if int(sp[v]) != verdicts[v]:
                errors.append("%s: property %s = %s, %d testcases" % (
                    suite.name, v, sp[v], verdicts[v]))
        if suite.failures != verdicts["VIOLATED"] + verdicts["UNDECIDED"] \
                or suite.skipped != verdicts["NOT-APPLICABLE"] \
                or suite.tests != sum(verdicts.values()):
            errors.append("%s: counts do not match the verdicts" % suite.name)
    if got != want:
        errors.append("verdict counts differ from the JSON: %s" % sorted(
            (got - want).items() | (want - got).items()))
    for e in errors[:20]:
        print("junit_consumer: " + e)
    if errors:
        return 1
    total = collections.Counter()
    for (_, v), n in got.items():
        total[v] += n
    print("junit_consumer: %d suites, %d testcases (%s) agree with %s" % (
        len(list(xml)), ncases, ", ".join("%d %s" % (total[v], v)
                                          for v in VERDICTS), json_path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
