"""aws s3 cp / mv / rm / ls / mb / rb / presign side by side with AWS CLI v2: names with odd
characters, trailing slashes, folders that exist or not, filters, dry runs, quiet modes, error
cases. Each scenario runs on its own bucket and folder per CLI (tests/s3_side_by_side.py);
runs where SHAPECLI_V2_AWS names v2's `aws`, deselected elsewhere."""

from __future__ import annotations


import pytest

from tests.s3_side_by_side import Scenario, Step, blob, assert_same_as_v2

pytestmark = pytest.mark.v2_reference(needs="aws")

ODD = ["a b.txt", "plus+1.txt", "pct%20.txt", "hash#1.txt", "q?.txt", "é.txt", "日本/語.txt"]
TREE = {"f1.txt": b"one", "sub/f2.txt": b"two two", "sub/deep/f3.log": b"three", "x.log": b"4"}

SCENARIOS = [
    # cp: one file, into "folders", odd names
    Scenario("cp-file-to-bucket", ["s3 cp f1.txt s3://{b}", "s3 cp f1.txt s3://{b}/"], TREE),
    Scenario("cp-file-to-prefix", ["s3 cp f1.txt s3://{b}/dir/", "s3 cp f1.txt s3://{b}/dir",
                                   "s3 ls s3://{b} --recursive"], TREE),
    Scenario("cp-odd-names-up", [f"s3 cp '{n}' 's3://{{b}}/{n}'" for n in ODD]
             + ["s3 ls s3://{b} --recursive"], {n: n.encode() for n in ODD}),
    Scenario("cp-odd-names-recursive", ["s3 cp . s3://{b}/p --recursive",
                                        "s3 cp s3://{b}/p back --recursive"],
             {n: n.encode() for n in ODD}),
    Scenario("cp-odd-keys-down", [f"s3 cp 's3://{{b}}/{n}' out/" for n in ODD]
             + ["s3 cp s3://{b}/ dl --recursive"], objects={n: n.encode() for n in ODD}),
    Scenario("cp-dot-paths", ["s3 cp ./f1.txt s3://{b}/", "s3 cp sub/../x.log s3://{b}/",
                              "s3 cp . s3://{b}/all --recursive",
                              Step("s3 cp .. s3://{b}/up --recursive --exclude '*' "
                                   "--include '*f2*'", cwd="sub/deep")], TREE),
    Scenario("cp-down-to-folders", ["s3 cp s3://{b}/k here/", "s3 cp s3://{b}/k newdir/",
                                    "s3 cp s3://{b}/k existing", "s3 cp s3://{b}/k .",
                                    "s3 cp s3://{b}/k nothere/deeper/name"],
             {"existing/": b""}, {"k": b"key"}),
    Scenario("cp-missing", ["s3 cp s3://{b}/nokey .", "s3 cp s3://{b}/nokey/ . --recursive",
                            "s3 cp nofile s3://{b}/", "s3 cp s3://{b}-missing/k .",
                            "s3 cp f1.txt s3://{b}-missing/k", "s3 cp s3://{b}/k s3://{b}/k"],
             TREE, {"k": b"1"}),
    Scenario("cp-recursive-filters", [
        "s3 cp . s3://{b}/a --recursive --exclude '*.log'",
        "s3 cp . s3://{b}/b --recursive --exclude '*' --include 'sub/*'",
        "s3 cp . s3://{b}/c --recursive --exclude 'sub/*' --include 'sub/deep/*'",
        "s3 cp s3://{b}/a d --recursive --exclude 'sub*'",
        "s3 cp s3://{b}/b/ s3://{b}/e/ --recursive --include '*' --exclude '*2*'"], TREE),
    Scenario("cp-dryrun", ["s3 cp . s3://{b}/p --recursive --dryrun",
                           "s3 cp f1.txt s3://{b}/one --dryrun",
                           "s3 cp s3://{b}/k here --dryrun", "s3 cp s3://{b}/k s3://{b}/k2 --dryrun",
                           "s3 cp s3://{b}/nokey here --dryrun"], TREE, {"k": b"x"}),
    Scenario("cp-quiet", ["s3 cp . s3://{b}/p --recursive --quiet",
                          "s3 cp . s3://{b}/q --recursive --only-show-errors",
                          "s3 cp s3://{b}/nokey . --quiet", "s3 cp s3://{b}/nokey . --only-show-errors",
                          "s3 cp nofile s3://{b}/ --quiet"], TREE),
    Scenario("cp-stdin", [Step("s3 cp - s3://{b}/in", stdin=b"from stdin\n"),
                          Step("s3 cp - s3://{b}/big --expected-size 9000000",
                               stdin=blob(9_000_000, 3)),
                          Step("s3 cp - s3://{b}/dir/", stdin=b"x"),
                          Step("s3 cp - s3://{b}/empty", stdin=b""),
                          Step("s3 cp - s3://{b}/q --quiet", stdin=b"q"),
                          "s3 ls s3://{b} --recursive"]),
    Scenario("cp-stdout", ["s3 cp s3://{b}/k -", "s3 cp s3://{b}/nokey -",
                           "s3 cp s3://{b}/ - --recursive", "s3 cp f1.txt -",
                           "s3 cp s3://{b}/k - --quiet"], TREE, {"k": b"hello\nworld"}),
    Scenario("cp-multipart", ["s3 cp big.bin s3://{b}/big.bin", "s3 cp s3://{b}/big.bin down.bin",
                              "s3 cp s3://{b}/big.bin s3://{b}/copy.bin",
                              "s3 cp s3://{b}/big.bin -"],
             {"big.bin": blob(9 * 1024 * 1024 + 5, 1)}),
    Scenario("cp-content-type", ["s3 cp . s3://{b}/ --recursive", "s3 cp a.json s3://{b}/t "
                                 "--content-type text/x", "s3 cp a.json s3://{b}/n --no-guess-mime-type"],
             {"a.json": b"{}", "b.html": b"<p>", "c": b"raw", "d.tar.gz": b"gz"}),
    # mv
    Scenario("mv-up-and-back", ["s3 mv f1.txt s3://{b}/moved", "s3 mv s3://{b}/moved back.txt",
                                "s3 mv s3://{b}/nokey x", "s3 mv nofile s3://{b}/"], TREE),
    Scenario("mv-recursive", ["s3 mv sub s3://{b}/s --recursive --exclude '*.log'",
                              "s3 mv s3://{b}/s s3://{b}/t --recursive",
                              "s3 mv s3://{b}/t/ out --recursive --dryrun",
                              "s3 mv s3://{b}/t/ out --recursive"], TREE),
    Scenario("mv-errors", ["s3 mv f1.txt s3://{b}/x --recursive", "s3 mv . s3://{b}/",
                           "s3 mv s3://{b}/k s3://{b}/k", "s3 mv s3://{b}/k -"],
             TREE, {"k": b"k"}),
    # rm
    Scenario("rm", ["s3 rm s3://{b}/nokey", "s3 rm s3://{b}/a --dryrun", "s3 rm s3://{b}/a",
                    "s3 rm s3://{b}/p --recursive --exclude '*2*'", "s3 rm s3://{b}/p/ --recursive",
                    "s3 rm s3://{b}-missing/k", "s3 rm s3://{b}/ --recursive --quiet",
                    "s3 rm f1.txt", "s3 rm s3://{b}"],
             TREE, {"a": b"a", "p/1": b"1", "p/2": b"2", "p/x/3": b"3", "pq": b"pq", "z": b"z"}),
    Scenario("rm-odd", [f"s3 rm 's3://{{b}}/{n}'" for n in ODD[:4]]
             + ["s3 rm s3://{b} --recursive --exclude '*' --include '*é*'",
                "s3 ls s3://{b} --recursive"], objects={n: b"o" for n in ODD}),
    # ls
    Scenario("ls-forms", ["s3 ls s3://{b}", "s3 ls s3://{b}/", "s3 ls s3://{b}/p", "s3 ls s3://{b}/p/",
                          "s3 ls s3://{b}/p/x", "s3 ls s3://{b}/pp", "s3 ls {b}", "s3 ls {b}/p/",
                          "s3 ls s3://{b} --recursive", "s3 ls s3://{b}/p --recursive",
                          "s3 ls s3://{b} --recursive --human-readable --summarize",
                          "s3 ls s3://{b}/p/ --summarize", "s3 ls s3://{b}/none",
                          "s3 ls s3://{b}/none --recursive --summarize",
                          "s3 ls s3://{b}/日", "s3 ls 's3://{b}/a b'",
                          Step("s3 ls", own_lines=True)],
             objects={"p": b"p", "p/": b"", "p/x": blob(1025), "p/y/z": blob(2 * 1024 * 1024),
                      "pp/q": b"q", "top": blob(5 * 1024 ** 3 // 1024 ** 2), "日本": b"j",
                      "a b/c": b"c"}),
    Scenario("ls-empty-missing", ["s3 ls s3://{b}", "s3 ls s3://{b} --recursive --summarize",
                                  "s3 ls s3://{b}-missing", "s3 ls s3://{b}-missing/p/",
                                  "s3 ls s3://{b}-missing --recursive", Step("s3 ls s3://", own_lines=True)]),
    # mb / rb
    Scenario("mb-rb", ["s3 mb s3://{b}", "s3 mb s3://{b}/x", "s3 mb s3://UP{b}", "s3 mb s3://a",
                       "s3 mb s3://{b}-two", "s3 rb s3://{b}", "s3 rb s3://{b} --force",
                       "s3 rb s3://{b}", "s3 rb s3://{b}-missing", "s3 rb s3://{b}-missing --force",
                       "s3 rb s3://{b}-two/"], objects={"k": b"k", "d/e": b"e"}, bucket=True),
    # presign
    Scenario("presign", ["s3 presign s3://{b}/k", "s3 presign s3://{b}/k --expires-in 60",
                         "s3 presign 's3://{b}/a b+c%.txt' --expires-in 604800",
                         "s3 presign s3://{b}/k --expires-in 604801", "s3 presign s3://{b}",
                         "s3 presign s3://{b}/日本 --expires-in 0", "s3 presign {b}/k"],
             objects={"k": b"k"}),
]


@pytest.mark.parametrize("number,scenario", list(enumerate(SCENARIOS)),
                         ids=[s.name for s in SCENARIOS])
def test_same_as_v2(side_by_side, number, scenario):
    assert_same_as_v2(side_by_side, number, scenario)
