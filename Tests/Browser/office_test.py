#!/usr/bin/env python3
"""Browser test of the program office (issue 29): a coordinator's intake in
headless Chromium driven by Selenium against `fellowmatch serve` on a free
loopback port, started and stopped (SIGTERM) by this script.

    python3 Tests/Browser/office_test.py BIN [WORK]

BIN is the fellowmatch binary; WORK (default .build/office-test) receives the
served folder and the screenshots (office-*.png). Needs chromium and
chromium-driver (Debian) and selenium (PyPI).
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "correct horse battery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary, folder, port, log):
    server = subprocess.Popen([binary, "serve", folder, "--port", str(port)], stdout=log, stderr=log)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("office test: the server did not start (see server.log)")


def browser(downloads):
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"]:
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": downloads})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


def shot(driver, work, name, width=1280):
    driver.set_window_size(width, 1000)
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(width, min(max(height + 40, 600), 6000))
    driver.save_screenshot(os.path.join(work, f"office-{name}.png"))
    driver.set_window_size(1280, 1000)


def text(driver):
    """The page's visible text, read in one script call (retried while a
    self-refreshing page reloads under it)."""
    for _ in range(40):
        try:
            return driver.execute_script("return document.body ? document.body.innerText : ''") or ""
        except WebDriverException:
            time.sleep(0.25)
    return ""


def expect(condition, message):
    if not condition:
        sys.exit("office test: " + message)


def shows(driver, words, seconds=15):
    """Whether `words` show within `seconds` (a click's page may still be loading)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if words in text(driver):
            return True
        time.sleep(0.25)
    return False


def wait_for(driver, words, seconds=180):
    """Reloads (the page refreshes itself while a solve is under way) until `words` show."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if words in text(driver):
            return
        time.sleep(1)
        driver.refresh()
    sys.exit(f"office test: '{words}' did not appear within {seconds} s")


def main():
    binary = os.path.abspath(sys.argv[1])
    work = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".build/office-test"))
    shutil.rmtree(work, ignore_errors=True)
    served, downloads = os.path.join(work, "programs"), os.path.join(work, "downloads")
    os.makedirs(downloads)
    shutil.copytree(os.path.join(ROOT, "Scenarios/demo"), os.path.join(served, "demo"),
                    ignore=shutil.ignore_patterns("out", "out-*"))
    subprocess.run([binary, "user", "add", "Ana Coordinator", "--folder", served, "--password-stdin"],
                   input=PASSWORD + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with open(os.path.join(work, "server.log"), "w") as log:
        server = start_server(binary, served, port, log)
        driver = browser(downloads)
        try:
            walk(driver, base, work, served, downloads)
        finally:
            driver.quit()
            server.send_signal(signal.SIGTERM)
            try:
                code = server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                sys.exit("office test: the server did not stop within 30 s of SIGTERM")
    expect(code == 0, f"the server exited with {code} on SIGTERM")
    print(f"office test: passed; screenshots in {work}")


def walk(driver, base, work, served, downloads):
    # Signing in: every page sends a stranger to the sign-in page.
    driver.get(base + "/p/demo")
    expect(driver.current_url.endswith("/login"), "a page without a session did not lead to sign-in")
    shot(driver, work, "1-sign-in")
    driver.find_element(By.ID, "name").send_keys("Ana Coordinator")
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    expect(shows(driver, "Signed in as Ana Coordinator"), "signing in failed: " + text(driver)[:300])
    shot(driver, work, "2-programs")
    driver.find_element(By.LINK_TEXT, "demo").click()
    expect(shows(driver, "Where the intake stands"), "the intake page did not open")

    # Uploading: a file with a mistake changes nothing; a good one replaces the file.
    fellows = os.path.join(served, "demo", "fellows.csv")
    original = open(fellows, encoding="utf-8").read()
    bad = os.path.join(work, "fellows.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(original.replace("clinical-nlp;sepsis,73000", "clinical-nlp;sepsis,lots"))
    driver.find_element(By.ID, "files").send_keys(bad)
    driver.find_element(By.XPATH, "//button[text()='Upload and check']").click()
    expect(shows(driver, "The upload changed nothing"), "a bad upload was not refused")
    expect(shows(driver, "is not an amount of money"), "the bad upload's problem was not shown")
    expect(open(fellows, encoding="utf-8").read() == original, "a refused upload changed fellows.csv")
    shot(driver, work, "3-upload-refused")
    driver.find_element(By.LINK_TEXT, "Back to demo").click()
    with open(bad, "w", encoding="utf-8") as f:
        f.write(original.replace("Priya Raman", "Priya Raman-Iyer"))
    driver.find_element(By.ID, "files").send_keys(bad)
    driver.find_element(By.XPATH, "//button[text()='Upload and check']").click()
    expect(shows(driver, "Uploaded and checked"), "a good upload was not taken: " + text(driver)[:400])
    expect(shows(driver, "No problem found before solving."), "the check did not run after the upload")

    # A preference round: a fellow ranks and certifies, a mentor ranks, the coordinator closes it.
    deadline = driver.find_element(By.ID, "deadline")
    driver.execute_script("arguments[0].value = '2099-12-31'", deadline)
    driver.find_element(By.XPATH, "//button[text()='Open the round']").click()
    expect(shows(driver, "The round is open until the end of 2099-12-31."), "the round did not open")
    shot(driver, work, "round-1-links")
    links = {}
    for row in driver.find_elements(By.CSS_SELECTOR, "table tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        links[cells[0].text] = cells[2].text
    expect(len(links) == 42, f"expected 42 links, found {len(links)}")
    driver.get(links["Priya Raman-Iyer"])
    expect(shows(driver, "Your ranking, Priya Raman-Iyer"), "the fellow's link did not open her page")
    Select(driver.find_element(By.ID, "choice1")).select_by_visible_text("Machine Learning for Health Lab")
    Select(driver.find_element(By.ID, "choice2")).select_by_visible_text("Clinical NLP Lab")
    driver.find_element(By.XPATH, "//button[text()='Certify this ranking']").click()
    expect(shows(driver, "Certified: this is the ranking that counts."), "the fellow could not certify")
    shot(driver, work, "round-2-fellow")
    driver.get(links["Dr. Chidi Okafor"])
    expect(shows(driver, "Fellows who ranked your lab"), "the mentor's link did not open his page")
    Select(driver.find_element(By.ID, "choice1")).select_by_visible_text("Kwame Mensah")
    driver.find_element(By.XPATH, "//button[text()='Certify this ranking']").click()
    expect(shows(driver, "Certified"), "the mentor could not certify")
    shot(driver, work, "round-3-mentor")
    driver.get(base + "/p/demo")
    expect(shows(driver, "2 of 42 have certified their ranking"), "the coordinator does not see the certifications")
    driver.find_element(By.XPATH, "//button[text()='Close the round and write the preference files']").click()
    expect(shows(driver, "The round is closed"), "the round did not close")
    prefs = open(os.path.join(served, "demo", "preferences.csv"), encoding="utf-8").read()
    expect("f001,lab09,1\nf001,lab01,2\n" in prefs, "preferences.csv does not hold the certified ranking")
    shot(driver, work, "round-4-closed")

    # Running: the page shows the run under way, then its result.
    driver.find_element(By.XPATH, "//button[text()='Run the match']").click()
    wait_for(driver, "Latest run: done")
    expect("Recorded as run 1." in driver.page_source, "the run was not recorded")
    expect("Priya Raman-Iyer" in driver.page_source, "the run did not use the uploaded file")
    shot(driver, work, "4-intake-after-run")
    shot(driver, work, "4-intake-phone", width=390)

    # The report, then a fellow's explanation from their row.
    driver.find_element(By.LINK_TEXT, "Open the report").click()
    expect(shows(driver, "All 16 new fellows placed"), "the report did not open")
    shot(driver, work, "5-report")
    driver.back()
    driver.find_element(By.LINK_TEXT, "Mei-Ling Chen").click()
    expect(shows(driver, "Why Mei-Ling Chen is where they are"), "the explanation did not open")
    shot(driver, work, "6-explanation")
    driver.back()

    # Two what-ifs side by side.
    for box in driver.find_elements(By.CSS_SELECTOR, "input[name=whatif]"):
        if box.get_attribute("value") not in ("grant-cut.toml", "sabbatical.toml") and box.is_selected():
            box.click()
    driver.find_element(By.XPATH, "//button[text()='Compare side by side']").click()
    wait_for(driver, "Open the latest comparison")
    driver.find_element(By.LINK_TEXT, "Open the latest comparison").click()
    page = text(driver)
    expect("grant-cut" in page and "sabbatical" in page, "the comparison lacks a what-if")
    shot(driver, work, "7-comparison")
    driver.back()

    # Publishing run 1 with a note.
    driver.find_element(By.ID, "note1").send_keys("Approved by the program committee")
    driver.find_element(By.XPATH, "//button[text()='Publish run 1']").click()
    expect(shows(driver, "official match (Approved by the program committee (by Ana Coordinator))"),
           "publishing failed")
    shot(driver, work, "8-published")

    # Downloading every file as a zip.
    driver.find_element(By.LINK_TEXT, "Download every file (zip)").click()
    target = os.path.join(downloads, "demo-run.zip")
    for _ in range(60):
        if os.path.exists(target):
            break
        time.sleep(0.5)
    expect(os.path.exists(target), "the zip was not downloaded")
    names = zipfile.ZipFile(target).namelist()
    expect("report.html" in names and "placements.csv" in names, f"the zip lacks files: {names[:5]}")

    # Signing out ends the session.
    driver.find_element(By.XPATH, "//button[text()='Sign out']").click()
    driver.get(base + "/p/demo")
    expect(driver.current_url.endswith("/login"), "signing out did not end the session")


if __name__ == "__main__":
    main()
