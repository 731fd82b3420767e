"""The logboek: an append-only, hash-chained audit log in the store (NEN 7513, BIO 8.15).

Each entry: time, actor, action, object (pseudonymous id), on whose behalf, result, reason.
    entry_hash = SHA-256(prev_hash | seq | at | actor | action | object | on_behalf_of |
                         result | reason)   (fields joined with the unit separator 0x1F)
The newest (seq, hash) is also kept in `meta`, so removing the last entries is detected too.
`verify()` recomputes the chain and reports every edited, inserted or removed entry.
"""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from desktop_app.messages import Message
from desktop_app.vault import errors
from desktop_app.vault.store import Store

GENESIS = "0" * 64
_SEP = "\x1f"
# Objects are pseudonymous ids ("intake-7f3a…", "profiel-…") or '-'; anything that looks like a
# name or a number could be personal data, so it is refused at the door.
_OBJECT_RE = re.compile(r"^(-|[a-z][a-z0-9_]*-[0-9a-f]{6,64})$")
_ACTION_RE = re.compile(r"^[a-z][a-z0-9_.]{1,63}$")
RESULTS = ("ok", "geweigerd", "mislukt")

# A reason is never free text: words typed by a worker can be personal data, and this log is
# append-only, so they would outlive the intake they are about (ZW-6; AVG art. 5(1)(c) and (e)).
# A reason is empty, a reference to words kept with the intake (services/records.py
# `log_with_reason`), one of the fixed phrases below, or the class names of errors.
REASON_REF_RE = re.compile(r"^reden-[a-z]{26}$")
FIXED_REASONS = frozenset({
    "hoofdbestand hersteld",  # profielgegevens.herstellen: profiel.json rewritten from reserve
    "reservekopie hersteld",  # profielgegevens.herstellen: the reserve copy rewritten
    "verkeerde wachtwoordzin",  # ontgrendelen, geweigerd: counted before the next unlock
    # intake.status_wijzigen: a change sent a klaar-voor-overdracht intake back to concept
    "gewijzigd na klaar voor overdracht",
})
# Error class names a logged failure may name (e.g. a lock that failed half-way): the builtin
# exceptions, the vault's, SQLite's, and the service-level outcomes listed here.
ERROR_NAMES = frozenset(
    {name for name, value in vars(builtins).items()
     if isinstance(value, type) and issubclass(value, BaseException)}
    | {name for name, value in vars(errors).items()
       if isinstance(value, type) and issubclass(value, BaseException)}
    | {"DatabaseError", "OperationalError", "IntegrityError", "LockIncomplete", "NotSaved",
       "OnbekendeFout"}
)


def allowed_reason(reason: str) -> bool:
    if not reason or reason in FIXED_REASONS or REASON_REF_RE.match(reason):
        return True
    names = reason.split(", ")
    return len(names) <= 16 and all(name in ERROR_NAMES for name in names)


class AuditRejected(ValueError):
    """An entry that could carry personal data; a programming error, never user input."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    object: str
    on_behalf_of: str
    result: str
    reason: str
    prev_hash: str
    entry_hash: str


@dataclass(frozen=True, slots=True)
class AuditProblem:
    seq: int | None  # None: the end of the logboek
    description: Message  # what is wrong (catalogue texts/logbook.py, `audit.problem.*`)


@dataclass(frozen=True, slots=True)
class AuditVerification:
    ok: bool
    entries_checked: int
    problems: tuple[AuditProblem, ...]


def _hash(prev_hash: str, seq: int, fields: tuple[str, ...]) -> str:
    payload = _SEP.join((prev_hash, str(seq), *fields))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _check_fields(actor: str, action: str, obj: str, on_behalf_of: str, result: str,
                  reason: str) -> None:
    if not _ACTION_RE.match(action):
        raise AuditRejected(f"action {action!r}")
    if not _OBJECT_RE.match(obj):
        raise AuditRejected("object must be a pseudonymous id")
    for value in (actor, on_behalf_of):
        if not _OBJECT_RE.match(value):
            raise AuditRejected("actor must be a pseudonymous id")
    if result not in RESULTS:
        raise AuditRejected(f"result {result!r}")
    if not allowed_reason(reason):
        raise AuditRejected("a reason is a reference, a fixed phrase or error names, never text")


def append(
    store: Store,
    *,
    at: dt.datetime,
    actor: str,
    action: str,
    obj: str = "-",
    on_behalf_of: str | None = None,
    result: str = "ok",
    reason: str = "",
) -> AuditEntry:
    """Append one entry. Call inside the caller's transaction when the event is a change, so
    the change and its log entry commit together; otherwise it makes its own."""
    behalf = on_behalf_of or actor
    _check_fields(actor, action, obj, behalf, result, reason)
    at_text = at.astimezone(dt.UTC).isoformat(timespec="milliseconds")
    with store.lock:
        own_transaction = not store.raw_connection.in_transaction
        if own_transaction:
            store.execute("BEGIN IMMEDIATE")
        try:
            head = store.query(
                "SELECT key, value FROM meta WHERE key IN ('audit_head_seq','audit_head_hash')"
            )
            heads = dict(head)
            seq = int(heads.get("audit_head_seq", "0")) + 1
            prev = heads.get("audit_head_hash", GENESIS)
            fields = (at_text, actor, action, obj, behalf, result, reason)
            entry_hash = _hash(prev, seq, fields)
            store.execute(
                "INSERT INTO audit_log (seq, at, actor, action, object, on_behalf_of, result,"
                " reason, prev_hash, entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (seq, *fields, prev, entry_hash),
            )
            store.execute(
                "INSERT INTO meta(key, value) VALUES ('audit_head_seq', ?), ('audit_head_hash', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(seq), entry_hash),
            )
            if own_transaction:
                store.execute("COMMIT")
        except BaseException:
            if own_transaction and store.raw_connection.in_transaction:
                store.execute("ROLLBACK")
            raise
    return AuditEntry(seq, at_text, actor, action, obj, behalf, result, reason, prev, entry_hash)


def entries(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    action: str | None = None,
    obj: str | None = None,
    limit: int | None = None,
) -> list[AuditEntry]:
    clauses: list[str] = []
    params: list[str | int] = []
    if since:
        clauses.append("at >= ?")
        params.append(since)
    if until:
        clauses.append("at < ?")
        params.append(until)
    if action:
        clauses.append("action = ?")
        params.append(action)
    if obj:
        clauses.append("object = ?")
        params.append(obj)
    sql = "SELECT seq, at, actor, action, object, on_behalf_of, result, reason, prev_hash," \
          " entry_hash FROM audit_log"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY seq"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [AuditEntry(*row) for row in store.query(sql, params)]


def verify(store: Store) -> AuditVerification:
    problems: list[AuditProblem] = []
    prev = GENESIS
    expected_seq = 1
    count = 0
    for entry in entries(store):
        count += 1
        if entry.seq != expected_seq:
            missing = (Message("audit.problem.missing_one", first=expected_seq)
                       if entry.seq - 1 == expected_seq
                       else Message("audit.problem.missing_range", first=expected_seq,
                                    last=entry.seq - 1))
            problems.append(AuditProblem(entry.seq, missing))
        if entry.prev_hash != prev:
            problems.append(AuditProblem(entry.seq, Message("audit.problem.chain_broken")))
        fields = (entry.at, entry.actor, entry.action, entry.object, entry.on_behalf_of,
                  entry.result, entry.reason)
        if _hash(entry.prev_hash, entry.seq, fields) != entry.entry_hash:
            problems.append(AuditProblem(entry.seq, Message("audit.problem.changed")))
        prev = entry.entry_hash
        expected_seq = entry.seq + 1
    heads = dict(
        store.query("SELECT key, value FROM meta WHERE key IN ('audit_head_seq','audit_head_hash')")
    )
    head_seq = int(heads.get("audit_head_seq", "0"))
    head_hash = heads.get("audit_head_hash", GENESIS)
    if head_seq != expected_seq - 1 or head_hash != prev:
        problems.append(AuditProblem(None, Message("audit.problem.tail_removed")))
    return AuditVerification(not problems, count, tuple(problems))
