"""Try district sync as a person would (issue 9): a real district server process (the demo school,
published; a teacher user; enrolment codes from the admin command), two laptop windows on empty
databases, a first sync cut part way through its download and resumed, a week by USB bundle
(export, ``plclassroom-server import-bundle``, import the return bundle), a note edited on both
laptops settled as a merge in the conflicts view and carried back, then ``devices`` and ``compact``.
It prints what each step said and saves screenshots in the folder given (default /tmp/tryout):

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/tryout_sync.py /tmp/tryout
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/tryout")
VENV = Path(sys.executable).parent
work = OUT / "work"
if work.exists():
    shutil.rmtree(work)
work.mkdir(parents=True)
server_db = work / "district.sqlite"


def cli(*args) -> str:
    done = subprocess.run([VENV / "plclassroom-server", "--database", str(server_db), *args],
                          capture_output=True, text=True)
    print("$ plclassroom-server", *args, "->", done.returncode)
    print(done.stdout.strip()[:1500], done.stderr.strip()[:500])
    return done.stdout


# -- the district: the demo school, published, a teacher user, two enrolment codes
from sqlalchemy import select  # noqa: E402

from plclassroom.domain import Enrollment  # noqa: E402
from plclassroom.server.cli import publish  # noqa: E402
from plclassroom.services import demo  # noqa: E402
from plclassroom.store.database import Store  # noqa: E402

server = Store.open(server_db)
with server.unit_of_work() as uow:
    demo.build_demo_school(uow)
    uow.commit()
publish(server)
with server.unit_of_work() as uow:
    teacher = uow.session.execute(select(Enrollment.person_id).where(Enrollment.role == "teacher")).scalar()
server.close()
out = cli("create-user", "Ms Rivera", "--role", "teacher", "--person-id", teacher)
user_id = re.search(r"[0-9a-f-]{36}", out).group(0)
codes = [re.search(r"\n\s+(\S+)\n", cli("enrol-code", user_id)).group(1) for _ in range(2)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


port = free_port()
serving = subprocess.Popen([VENV / "plclassroom-server", "--database", str(server_db), "serve", "--port", str(port)],
                           stdout=open(work / "server.log", "w"), stderr=subprocess.STDOUT)
time.sleep(3)


# -- a proxy the laptops talk to; it can cut every connection after some bytes sent back
class Proxy:
    def __init__(self, target: int) -> None:
        self.target, self.cut_after, self.down = target, None, False
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            client, _ = self.listener.accept()
            if self.down:  # the link is gone: the connection is refused
                client.close()
                continue
            if self.cut_after is not None:
                self.down = True  # this connection is cut part way, and the link stays down after it
            upstream = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self.pump, args=(client, upstream, None), daemon=True).start()
            threading.Thread(target=self.pump, args=(upstream, client, self.cut_after), daemon=True).start()

    @staticmethod
    def pump(src, dst, limit):
        sent = 0
        try:
            while data := src.recv(4096):
                if limit is not None and sent + len(data) > limit:
                    dst.sendall(data[:limit - sent])
                    break
                dst.sendall(data)
                sent += len(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()


proxy = Proxy(port)
url = f"http://127.0.0.1:{proxy.port}"

# -- the laptops' app
os.environ["XDG_CONFIG_HOME"] = str(work / "config")

from plclassroom.ui.app import make_application, open_window  # noqa: E402

app = make_application()


def wait(task, seconds=120):
    start = time.time()
    while task is not None and not task.finished.is_set() and time.time() - start < seconds:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(30):
        app.processEvents()
        time.sleep(0.01)


messages = []


def laptop(name: str):
    store = Store.open(work / f"{name}.sqlite")
    window = open_window(store, name)
    window.context.message.connect(lambda text: messages.append(f"[{name}] {text}"))
    window.resize(1360, 860)
    window.show()
    return store, window


def shot(window, name):
    for _ in range(30):
        app.processEvents()
        time.sleep(0.01)
    window.grab().save(str(OUT / f"{name}.png"))
    print("saved", name)


a_store, a = laptop("laptopA")
wait(a.sync.connect_to_server(url, codes[0]))
print(messages[-1])
# First sync, cut part way through the snapshot's chunk.
proxy.cut_after = 4000
wait(a.sync.sync_now())
print(messages[-1])
parts = list(work.glob("laptopA-snapshot-*.part"))
print("after the cut: .part files", [(p.name, p.stat().st_size) for p in parts])
proxy.cut_after, proxy.down = None, False
wait(a.sync.sync_now())
print(messages[-1])
print("after the resumed sync: .part files", list(work.glob("*.part")))
shot(a, "1-laptopA-after-first-sync")

b_store, b = laptop("laptopB")
wait(b.sync.connect_to_server(url, codes[1]))
wait(b.sync.sync_now())
print(messages[-1])
# Room B's link goes for the week: no probe, no background sync, only the USB stick.
b.sync.timer.stop()
b.sync.server_url = "http://127.0.0.1:9"

# Both edit one student's strengths offline.
from plclassroom.domain import LearnerProfile  # noqa: E402
from plclassroom.services import profiles  # noqa: E402

with a_store.unit_of_work() as uow:
    student = uow.session.execute(select(LearnerProfile.student_id).order_by(LearnerProfile.student_id)).scalar()
for store, text in ((a_store, "Explains ratios with drawings; helps peers at the fractions station."),
                    (b_store, "Explains ratios with drawings; reads aloud confidently in small groups.")):
    with store.unit_of_work() as uow:
        profiles.update_profile_field(uow, student, "strengths", text)
wait(a.sync.sync_now())
print(messages[-1])

# b has no link this week: a USB bundle.
bundle = work / "roomB.plcbundle"
wait(b.sync.export_bundle(str(bundle)))
print(messages[-1])
cli("import-bundle", str(bundle))
wait(b.sync.import_return_bundle(str(work / "roomB-return.plcbundle")))
print(messages[-1])
b.sync.show_status()
shot(b, "2-laptopB-after-return-bundle")
dialog = b.sync.open_conflicts()
for _ in range(30):
    app.processEvents()
    time.sleep(0.01)
if dialog is not None:
    dialog.resize(1100, 650)
    shot(dialog, "3-laptopB-conflicts")
    dialog.merge.setPlainText("Explains ratios with drawings; helps peers at the fractions station and reads "
                              "aloud confidently in small groups.")
    dialog.save_merge.click()
    for _ in range(30):
        app.processEvents()
        time.sleep(0.01)
    shot(dialog, "4-laptopB-conflicts-settled")
    dialog.close()
bundle2 = work / "roomB-2.plcbundle"
wait(b.sync.export_bundle(str(bundle2)))
cli("import-bundle", str(bundle2))
wait(b.sync.import_return_bundle(str(work / "roomB-2-return.plcbundle")))
print(messages[-1])
wait(a.sync.sync_now())
print(messages[-1])
with a_store.unit_of_work() as uow:
    print("laptop A strengths:", profiles.get_profile(uow, student).fields["strengths"])
with b_store.unit_of_work() as uow:
    print("laptop B strengths:", profiles.get_profile(uow, student).fields["strengths"])
a.sync.show_status()
shot(a, "5-laptopA-after-merge")
cli("devices")
cli("compact")
print("\n".join(messages))
serving.terminate()
