"""A browser for tests, named by BROWSER ("python fake_browser.py %s"): it returns at once, as
a browser does, and in the background follows the URL (sign-in page -> the CLI's redirect
listener), recording the URL to $FAKE_BROWSER_LOG."""

import os
import sys
import urllib.request

if os.fork() == 0:
    os.setsid()
    url = sys.argv[1]
    with open(os.environ["FAKE_BROWSER_LOG"], "a") as log:
        log.write(url + "\n")
    urllib.request.urlopen(url, timeout=20).read()
    os._exit(0)
