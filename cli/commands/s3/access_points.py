"""The buckets behind an S3 path's access point, for `aws s3 mv --validate-same-s3-paths`.

    access point ARN          arn:aws:s3:R:ACCOUNT:accesspoint/NAME    s3control GetAccessPoint
    Outposts access point ARN arn:aws:s3-outposts:...:accesspoint/NAME GetAccessPoint (the ARN)
    multi-region ARN          arn:aws:s3::ACCOUNT:accesspoint/A.mrap   ListMultiRegionAccessPoints:
                                                                       every region's bucket
    access point alias        NAME-s3alias                             GetAccessPoint in the
                                                                       caller's account (STS)
    Outposts alias            NAME--op-s3                              refused: no API resolves it
    a bucket name             itself

As v2 does it: the S3 Control client is made in the source's region (--source-region,
else the command's) for the source and the command's region for the destination, and
neither it nor STS is sent to --endpoint-url, which names the S3 endpoint. An error of
either service stops the command as any service error does.
"""

from __future__ import annotations

from cli.commands.s3 import uri
from cli.errors import ValidationError


class Resolver:
    """`underlying(path)`: the s3:// paths `path` stands for (clients made on first need)."""

    def __init__(self, context, region: str | None):
        self._context = context
        self._region = region
        self._s3control = None

    def underlying(self, path: str) -> list[str]:
        bucket, key = uri.split(path)
        match = uri.ACCESS_POINT_ARN.match(bucket)
        if match:
            return [uri.join(self._bucket(match["account"], match["name"]), key)]
        match = uri.OUTPOSTS_ACCESS_POINT_ARN.match(bucket)
        if match:
            return [uri.join(self._bucket(match["account"], bucket), key)]
        match = uri.MULTI_REGION_ARN.match(bucket)
        if match:
            return [uri.join(name, key)
                    for name in self._multi_region_buckets(match["account"], match["alias"])]
        if bucket.endswith(uri.ACCESS_POINT_ALIAS):
            account = self._context.client("sts", global_endpoint=False) \
                .get_caller_identity()["Account"]
            return [uri.join(self._bucket(account, bucket), key)]
        if bucket.endswith(uri.OUTPOSTS_ALIAS):
            raise ValidationError("Can't resolve underlying bucket name of s3 outposts access "
                                  "point alias. Use arn instead to resolve the bucket name and "
                                  "validate the mv command.")
        return [path]

    def _control(self):
        if self._s3control is None:
            self._s3control = self._context.client("s3control", region=self._region,
                                                   global_endpoint=False)
        return self._s3control

    def _bucket(self, account: str, name: str) -> str:
        return self._control().get_access_point(AccountId=account, Name=name)["Bucket"]

    def _multi_region_buckets(self, account: str, alias: str) -> list[str]:
        request = {"AccountId": account}
        while True:
            page = self._control().list_multi_region_access_points(**request)
            for point in page.get("AccessPoints", ()):
                if point.get("Alias") == alias:
                    return [region["Bucket"] for region in point.get("Regions", ())]
            if not page.get("NextToken"):
                raise ValidationError(f"Couldn't find multi-region access point with alias "
                                      f"{alias} in account {account}")
            request["NextToken"] = page["NextToken"]
