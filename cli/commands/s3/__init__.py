"""`aws s3`: v2's high-level S3 commands, hand-written on the registry (cli.commands).

The transfer commands (cp, mv, rm, sync) live in cli.commands.s3.transfer, the
bucket and listing commands (ls, mb, rb, presign, website) in
cli.commands.s3.buckets; this module gathers their declarations for the registry.
"""

from cli.commands.s3 import buckets, transfer

DESCRIPTION = """\
The s3 commands move files and objects, list buckets and prefixes, and make and remove buckets. \
For one S3 API call at a time (every request parameter), use the s3api commands.

PATH ARGUMENTS. A path is either local or in S3. A local path names a file or a folder, \
absolute or relative to the current folder. An S3 path starts with s3:// and names a bucket, \
a prefix or an object: s3://my-bucket/photos/cat.jpg is the object with key photos/cat.jpg \
in the bucket my-bucket. Keys are divided into prefixes by forward slashes only. Without \
s3:// a path is local.

An access point stands where a bucket name stands: s3:// then its ARN, then the key or \
prefix after a slash, as in s3://arn:aws:s3:us-west-2:123456789012:accesspoint/my-ap/photos/ \
(S3 on Outposts access point ARNs likewise). Object Lambda access points and Outposts bucket \
ARNs are refused; the s3api and s3control commands reach them.

ORDER OF PATHS. A command takes one or two paths. The first is the source: the file, folder, \
object, prefix or bucket read. The second, where there is one, is the destination written. \
A command with one path (ls, mb, rb, rm, presign, website) acts on it alone.

ONE FILE OR OBJECT. Without --recursive, cp, mv and rm act on one file or object, which must \
exist. A destination that ends with a slash (the system's separator for a local path, always \
a forward slash in S3) is a folder or prefix, and the copy keeps the source's name; without \
the slash the copy takes the destination's name.

- aws s3 cp notes.txt s3://my-bucket/docs/ writes s3://my-bucket/docs/notes.txt
- aws s3 cp notes.txt s3://my-bucket/docs writes the object docs

FOLDERS AND PREFIXES. sync, mb, rb and ls always work on a whole folder, prefix or bucket, \
as cp, mv and rm do with --recursive; a trailing slash on their paths changes nothing.

FILTERS. Paths take no wildcards. Instead, --exclude PATTERN and --include PATTERN choose the \
files or objects a command touches, each as often as needed. In a pattern, * matches any \
run of characters (slashes too), ? one character, [abc] one of those characters and [!abc] \
any other. Everything is included until a filter says otherwise, and for each path the last \
filter on the command line that matches it decides: --exclude "*" --include "*.txt" keeps \
only .txt files, while --include "*.txt" --exclude "*" keeps nothing. An --include alone \
changes nothing, since it only brings back what an earlier --exclude left out.

A pattern is matched against the whole path, with the source folder or prefix put before it \
(for a single file, its folder). Uploading /tmp/site with --exclude ".git/*" compares each \
file with /tmp/site/.git/*: /tmp/site/.git/config is left out, /tmp/site/index.html is not.

    aws s3 cp /tmp/site/ s3://my-bucket/ --recursive --exclude ".git/*"
    aws s3 sync photos/ s3://my-bucket/photos/ --exclude "*" --include "*.jpg" --include "*.png"
"""

COMMANDS = (*transfer.COMMANDS, *buckets.COMMANDS)
