"""aws s3 sync (and more cp/mv/rm edge cases) side by side with AWS CLI v2: --delete with
filters, --size-only, --exact-timestamps, nothing to do, files where folders are expected,
S3 to S3, missing destinations. tests/s3_side_by_side.py runs each scenario per CLI; runs where
SHAPECLI_V2_AWS names v2's `aws`, deselected elsewhere."""

from __future__ import annotations

import os

import pytest

from tests.s3_side_by_side import OLD_MTIME, Scenario, Step, blob, assert_same_as_v2

pytestmark = pytest.mark.v2_reference(needs="aws")

TREE = {"f1.txt": b"one", "sub/f2.txt": b"two two", "sub/deep/f3.log": b"three", "x.log": b"4",
        "sp ace/é+#.txt": b"odd"}
OBJECTS = {"f1.txt": b"one", "sub/f2.txt": b"TWO TWO", "old.txt": b"gone", "keep.log": b"k",
           "sub/deep/f3.log": b"thr"}


def _touch(path: str, content: bytes | None = None, mtime: int | None = None):
    def change(folder: str) -> None:
        full = os.path.join(folder, path)
        if content is not None:
            with open(full, "wb") as f:
                f.write(content)
        if mtime is not None:
            os.utime(full, (mtime, mtime))
    return change


SCENARIOS = [
    Scenario("sync-up-then-nothing", ["s3 sync . s3://{b}", "s3 sync . s3://{b}",
                                      "s3 sync . s3://{b}/ --dryrun"], TREE),
    Scenario("sync-up-delete", ["s3 sync . s3://{b} --delete --dryrun", "s3 sync . s3://{b} --delete"],
             TREE, OBJECTS),
    Scenario("sync-up-delete-filters", [
        "s3 sync . s3://{b} --delete --exclude '*.log'",
        "s3 sync . s3://{b}/ --delete --exclude '*' --include 'sub/*'",
        "s3 sync sub s3://{b}/sub --delete --exclude 'deep/*' --include '*.log'"], TREE, OBJECTS),
    Scenario("sync-down-delete-filters", [
        "s3 sync s3://{b} dl --exclude '*.log'", "s3 sync s3://{b}/sub here",
        "s3 sync s3://{b} . --delete --exclude 'sp ace/*' --exclude 'x.log'",
        "s3 sync s3://{b} . --delete"], TREE, OBJECTS),
    Scenario("sync-size-only", ["s3 sync . s3://{b}", _touch("f1.txt", b"ONE"),
                                "s3 sync . s3://{b} --size-only", _touch("f1.txt", b"ONE!"),
                                "s3 sync . s3://{b} --size-only"], TREE),
    Scenario("sync-exact-timestamps", [
        "s3 sync s3://{b} down", "s3 sync s3://{b} down", "s3 sync s3://{b} down --exact-timestamps",
        _touch("down/f1.txt", mtime=OLD_MTIME), "s3 sync s3://{b} down",
        "s3 sync s3://{b} down --exact-timestamps", "s3 sync down s3://{b}"], objects=OBJECTS),
    Scenario("sync-newer-local", ["s3 sync . s3://{b}", _touch("f1.txt", mtime=4102444800),
                                  "s3 sync . s3://{b}", "s3 sync s3://{b} ."], TREE),
    Scenario("sync-dest-is-file", ["s3 sync s3://{b} f1.txt", "s3 sync f1.txt s3://{b}/x",
                                   "s3 sync s3://{b}/f1.txt out"], TREE, OBJECTS),
    Scenario("sync-missing", ["s3 sync s3://{b} new/deeper", "s3 sync s3://{b}-missing out",
                              "s3 sync nodir s3://{b}", "s3 sync . s3://{b}-missing",
                              "s3 sync s3://{b}/nothing out2", "s3 sync emptydir s3://{b}/e"],
             {"emptydir/": b""}, OBJECTS),
    Scenario("sync-s3-to-s3", ["s3 sync s3://{b} s3://{b2}", "s3 sync s3://{b} s3://{b2}",
                               "s3 sync s3://{b}/sub s3://{b2}/copy --delete",
                               "s3 sync s3://{b} s3://{b2} --delete --exclude 'sub/*' --dryrun",
                               "s3 sync s3://{b} s3://{b2} --delete --quiet"],
             objects=OBJECTS, objects2={"extra": b"e", "sub/f2.txt": b"x"}),
    Scenario("sync-quiet-errors", ["s3 sync . s3://{b} --only-show-errors", "s3 sync . s3://{b} "
                                   "--quiet --delete", "s3 sync s3://{b}-missing . --quiet"], TREE),
    Scenario("sync-prefix-slashes", ["s3 sync sub s3://{b}/p", "s3 sync sub/ s3://{b}/q/",
                                     "s3 sync s3://{b}/p d1", "s3 sync s3://{b}/p/ d2/",
                                     "s3 sync s3://{b}/q ./d3/../d4"], TREE),
    Scenario("sync-key-equals-prefix", ["s3 sync s3://{b} out", "s3 ls s3://{b}/a",
                                        "s3 cp s3://{b}/a x --recursive"],
             objects={"a": b"file", "a/b": b"nested", "c/": b""}),
    # more cp / mv / rm
    Scenario("cp-into-existing-names", ["s3 cp s3://{b}/f1.txt sub", "s3 cp s3://{b}/f1.txt sub/",
                                        "s3 cp s3://{b}/f1.txt x.log",
                                        "s3 cp s3://{b}/sub/ . --recursive",
                                        "s3 cp s3://{b}/sub/f2.txt sub/deep/f3.log/"], TREE, OBJECTS),
    Scenario("cp-recursive-prefix-forms", ["s3 cp s3://{b} a --recursive",
                                           "s3 cp s3://{b}/ b --recursive",
                                           "s3 cp s3://{b}/su c --recursive",
                                           "s3 cp s3://{b}/sub d/ --recursive",
                                           "s3 cp s3://{b}/f1.txt e --recursive"], objects=OBJECTS),
    Scenario("cp-s3-s3-forms", ["s3 cp s3://{b}/f1.txt s3://{b2}", "s3 cp s3://{b}/f1.txt s3://{b2}/d/",
                                "s3 cp s3://{b}/sub s3://{b2}/r --recursive",
                                "s3 cp s3://{b}/nokey s3://{b2}/", "s3 mv s3://{b}/old.txt s3://{b2}/",
                                "s3 mv s3://{b}/sub/ s3://{b2}/m/ --recursive --exclude '*.log'"],
             objects=OBJECTS, objects2={}),
    Scenario("mv-dryrun-quiet", ["s3 mv f1.txt s3://{b}/ --dryrun", "s3 mv . s3://{b}/all --recursive"
                                 " --quiet --exclude 'sub/*'", "s3 mv s3://{b}/all/ back --recursive "
                                 "--only-show-errors"], TREE),
    Scenario("rm-prefix-forms", ["s3 rm s3://{b}/sub", "s3 rm s3://{b}/sub/", "s3 rm s3://{b}/sub --recursive "
                                 "--dryrun", "s3 rm s3://{b}/su --recursive", "s3 rm s3://{b}/ --recursive "
                                 "--exclude '*' --include '*.txt' --exclude 'old*'"], objects=OBJECTS),
    Scenario("multipart-sync", ["s3 sync . s3://{b}/m", "s3 sync s3://{b}/m down",
                                "s3 sync s3://{b}/m down --size-only", "s3 mv s3://{b}/m/big s3://{b}/moved"],
             {"big": blob(8 * 1024 * 1024 + 1, 7), "small": b"s"}),
    Scenario("special-files", [lambda d: os.mkfifo(os.path.join(d, "fifo")),
                               "s3 cp . s3://{b}/a --recursive --only-show-errors",
                               "s3 cp . s3://{b}/b --recursive --quiet", "s3 sync . s3://{b}/c",
                               "s3 cp fifo s3://{b}/f", "s3 cp s3://{b}/a/f1.txt emptydir",
                               "s3 cp s3://{b}/a/ emptydir/x --recursive",
                               "s3 cp s3://{b}/a/x.log sub", "s3 sync s3://{b}/a sub --delete"],
             {**TREE, "emptydir/": b""}),
    Scenario("case-conflicts", ["s3 cp s3://{b} w --recursive --case-conflict warn",
                                # (without the excludes, shapecli may have made e/Dir/ for
                                # Dir/x before the conflict at a.txt cancels it: a race)
                                "s3 cp s3://{b} e --recursive --case-conflict error --exclude "
                                "'Dir/*' --exclude 'dir/*'",
                                "s3 cp s3://{b} s --recursive --case-conflict skip",
                                "s3 sync s3://{b} y --case-conflict skip",
                                "s3 cp s3://{b} i --recursive --case-conflict ignore"],
             objects={"A.txt": b"upper", "a.txt": b"lower", "Dir/x": b"1", "dir/x": b"2"}),
    Scenario("args-errors", ["s3 cp", "s3 cp f1.txt", "s3 cp f1.txt s3://{b} extra", "s3 cp f1.txt dest",
                             "s3 sync . s3://{b} --recursive", "s3 rm f1.txt --recursive",
                             "s3 cp - - ", "s3 sync - s3://{b}", "s3 cp . s3://{b} ", "s3 cp --recursive - s3://{b}",
                             "s3 cp f1.txt s3://{b} --expires notadate", "s3 ls --bogus",
                             "s3 cp f1.txt s3://{b} --storage-class NOPE", "s3 mv s3:// s3://{b}"],
             TREE),
]


@pytest.mark.parametrize("number,scenario", list(enumerate(SCENARIOS)),
                         ids=[s.name for s in SCENARIOS])
def test_same_as_v2(side_by_side, number, scenario):
    assert_same_as_v2(side_by_side, number, scenario)
