#!/usr/bin/env python3
"""Takes docs/img/console.png: the console at URL judging one of its samples, in headless Chromium (Debian's
chromium and chromium-driver) driven through chromedriver's W3C WebDriver HTTP API; standard library only.

Usage: docs/img/console_screenshot.py URL OUT.png [machine|human]
  e.g. ./run-service.sh, then: python3 docs/img/console_screenshot.py http://localhost:8080/ docs/img/console.png
  (the README's copy was then reduced to 256 colours: convert console.png -colors 256 PNG8:console.png, or
  where ImageMagick is missing PIL in training/.venv: Image.open(f).convert('RGB').quantize(256).save(f, optimize=True))"""
import base64, json, os, shutil, subprocess, sys, tempfile, time, urllib.request

url, out = sys.argv[1], sys.argv[2]
sample = sys.argv[3] if len(sys.argv) > 3 else "machine"
port = 9515 + os.getpid() % 1000
driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
base = f"http://127.0.0.1:{port}"


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)["value"]


profile = tempfile.mkdtemp(prefix="console-shot-")
try:
    for _ in range(50):
        try:
            call("GET", "/status")
            break
        except OSError:
            time.sleep(0.2)
    session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
        "binary": "/usr/bin/chromium",
        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--hide-scrollbars", "--window-size=1280,900", "--user-data-dir=" + profile]}}}})["sessionId"]
    s = f"/session/{session}"

    def js(script, *args):
        return call("POST", s + "/execute/sync", {"script": script, "args": list(args)})

    def wait(script, seconds=300):
        end = time.time() + seconds
        while time.time() < end:
            if js(script):
                return
            time.sleep(0.5)
        raise TimeoutError(script)

    call("POST", s + "/url", {"url": url})
    wait("return document.getElementById('model-line').textContent.startsWith('Model: ')")
    js("document.getElementById('sample-' + arguments[0]).click();"
       "document.getElementById('judge').click();", sample)
    wait("return document.getElementById('status').textContent.startsWith('Judged in ')")
    # a token picked with the keyboard, so that the token line shows its numbers
    js("var map = document.getElementById('heatmap'); map.focus();"
       "for (var i = 0; i < 12; i++) map.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight'}));")
    time.sleep(1)
    shot = call("POST", s + "/goog/cdp/execute", {"cmd": "Page.captureScreenshot",
                                                  "params": {"format": "png", "captureBeyondViewport": True}})
    with open(out, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    print(js("return document.getElementById('label').textContent + ' | ' + document.getElementById('model-line').textContent"))
    call("DELETE", s)
finally:
    driver.terminate()
    driver.wait()
    shutil.rmtree(profile, ignore_errors=True)
