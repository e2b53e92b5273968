"""Screenshot one page with headless Chromium, driven over the DevTools pipe.

    python3 scripts/cdp_screenshot.py CHROMIUM URL OUT.png WIDTH HEIGHT PROFILE_DIR

Chromium's own `--screenshot` captures a page scrolled by its script (the HTML
report scrolls to the cell a `#cell=` fragment opens) as a blank image. Over the
DevTools protocol the capture waits for a painted frame at the page's scroll
position. Standard library only: messages are JSON separated by NUL bytes on
Chromium's descriptors 3 (its input) and 4 (its output).
"""

import base64
import json
import os
import subprocess
import sys
import time

TIMEOUT = 60


class Browser:
    def __init__(self, chromium, profile):
        to_browser, self.writer = os.pipe()
        self.reader, from_browser = os.pipe()
        self.log_path = os.path.join(profile, "chromium.log")
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [
                chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + os.path.join(profile, "data"),
                "--remote-debugging-pipe", "about:blank",
            ],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log,
            pass_fds=(3, 4),
            preexec_fn=lambda: (os.dup2(to_browser, 3), os.dup2(from_browser, 4)),
        )
        os.close(to_browser)
        os.close(from_browser)
        self.buffer = b""
        self.next_id = 0
        self.deadline = time.monotonic() + TIMEOUT

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.writer, json.dumps(message).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id)

    def wait(self, wanted):
        while True:
            while b"\0" in self.buffer:
                line, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(line)
                if "error" in message and "id" in message:
                    fail("chromium refused a request: " + message["error"].get("message", ""))
                if wanted(message):
                    return message.get("result", message.get("params", {}))
            if time.monotonic() > self.deadline:
                fail("chromium did not answer within %d s" % TIMEOUT)
            chunk = os.read(self.reader, 1 << 20)
            if not chunk:
                with open(self.log_path, "rb") as log:
                    tail = log.read().decode(errors="replace").splitlines()[-5:]
                fail("chromium exited before the screenshot was taken:\n" + "\n".join(tail))
            self.buffer += chunk

    def close(self):
        try:
            os.write(self.writer, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()


def fail(why):
    print("scripts/screenshot: " + why, file=sys.stderr)
    sys.exit(1)


def main():
    chromium, url, out, width, height, profile = sys.argv[1:7]
    browser = Browser(chromium, profile)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send(
            "Target.attachToTarget", {"targetId": target, "flatten": True}
        )["sessionId"]
        browser.send("Page.enable", session=session)
        browser.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": int(width), "height": int(height), "deviceScaleFactor": 1, "mobile": False},
            session=session,
        )
        browser.send("Page.navigate", {"url": url}, session=session)
        browser.wait(
            lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == session
        )
        # Two animation frames: the page's own script has run and painted.
        browser.send(
            "Runtime.evaluate",
            {
                "expression": "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))",
                "awaitPromise": True,
            },
            session=session,
        )
        if "#cell=" in url:
            opened = browser.send(
                "Runtime.evaluate",
                {"expression": "!document.getElementById('panel').hidden", "returnByValue": True},
                session=session,
            )
            if opened.get("result", {}).get("value") is not True:
                fail("the report has no cell " + url.split("#cell=", 1)[1])
        shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)
        with open(out, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
