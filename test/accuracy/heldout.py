"""Held-out schemas for the accuracy evaluation (issue 14), and a deterministic generator of
synthetic rows that satisfy their keys.

Each dataset is test/data/heldout/<name>/schema.sql: a public schema that inference was never
tuned on, with its foreign keys declared (the ground truth; origin and licence in
test/data/README.md). `fill` fills every table of a database where such a schema is loaded,
foreign keys still declared, so that PostgreSQL itself checks that every primary, unique and
foreign key, NOT NULL and CHECK constraint holds:

- tables are filled parents first (strongly connected components of the foreign-key graph in
  topological order); a foreign key inside a cycle or onto its own table is left NULL on
  insert and filled by an UPDATE once its targets have rows (a self-reference takes the key of
  an earlier row of the same insert instead, so NOT NULL ones work too);
- keys are natural: a one-column integer key numbers its rows 1..n, as a serial would, in
  every table (so containment alone cannot tell parents apart, as in real databases);
- a child's foreign-key values are drawn, with a fixed seed, from the rows its parent really
  has; a foreign key that covers a unique key of the child (extension tables) takes each
  parent row at most once;
- generated columns are left to PostgreSQL (a unique key that includes one is not checked
  by the generator);
- other columns get values of their type (strings carry the column name), CHECK lists and
  simple regular-expression CHECKs are read from the catalog; a row that still breaks a CHECK
  or unique constraint is repaired column by column, then dropped.

The number of rows per table is drawn per table (deterministically) between a dataset's
bounds. Tables that end up with fewer rows than asked, and why, are reported, never silently
skipped.

    .venv/bin/python test/accuracy/heldout.py                 # fill each dataset, report
    .venv/bin/python test/accuracy/heldout.py --dataset tpcds
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime
import decimal
import pathlib
import random
import re
import sys
import time
import uuid

import psycopg
from psycopg import errors, sql
from psycopg.types.json import Json, Jsonb

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
HELDOUT = ROOT / "test" / "data" / "heldout"

SEED = 14
# Rows per table: drawn per table between these bounds (smaller for the large schema so that
# filling it stays within seconds).
ROWS = {"musicbrainz": (10, 40)}
DEFAULT_ROWS = (20, 150)
SYSTEM_SCHEMAS = ("pg_catalog", "information_schema", "pg_toast", "cartridge")


def datasets() -> list[str]:
    return sorted(p.parent.name for p in HELDOUT.glob("*/schema.sql"))


# Datasets nobody has tuned on. Only their aggregate figures are ever printed (their misses
# and false positives stay hidden), so they keep measuring how inference does on a schema it
# has never seen. The others were held out when added, and became development data once their
# misses were read to write signals (2026-12-03).
FRESH = {"mastodon", "oracle_samples"}


def schema_file(dataset: str) -> pathlib.Path:
    return HELDOUT / dataset / "schema.sql"


# -- catalog ---------------------------------------------------------------------------------
@dataclasses.dataclass
class Column:
    name: str
    type_name: str      # format_type()
    base: str           # typname of the type, or of the element type for arrays
    is_array: bool
    length: int | None  # character length or numeric precision
    scale: int | None
    not_null: bool
    has_default: bool
    generated: bool
    enum_labels: list | None = None
    choices: list | None = None      # from CHECK (col IN (...)) / col = ANY (ARRAY[...])
    regex: str | None = None         # from CHECK (col ~ '...')


@dataclasses.dataclass
class ForeignKey:
    name: str
    columns: tuple
    parent: tuple       # (schema, table)
    parent_columns: tuple


@dataclasses.dataclass
class Table:
    schema: str
    name: str
    columns: dict                              # name -> Column, in order
    primary_key: tuple = ()
    uniques: list = dataclasses.field(default_factory=list)     # tuples of columns
    foreign_keys: list = dataclasses.field(default_factory=list)
    checks: dict = dataclasses.field(default_factory=dict)      # name -> (columns, definition)

    @property
    def key(self) -> tuple:
        return (self.schema, self.name)

    @property
    def ident(self) -> sql.Composable:
        return sql.Identifier(self.schema, self.name)

    def __str__(self) -> str:
        return f"{self.schema}.{self.name}"


def read_catalog(conn) -> dict:
    tables = {}
    for oid, schema, name in conn.execute("""
            SELECT c.oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
               AND n.nspname <> ALL (%s) AND n.nspname NOT LIKE 'pg_temp%%'
             ORDER BY 2, 3""", (list(SYSTEM_SCHEMAS),)):
        tables[oid] = Table(schema, name, {})
    if not tables:
        return {}
    for relid, name, type_name, typname, elemname, is_array, typmod, not_null, has_default, generated, labels \
            in conn.execute("""
            SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod),
                   t.typname, e.typname, t.typcategory = 'A', a.atttypmod, a.attnotnull, a.atthasdef,
                   a.attidentity = 'a' OR a.attgenerated <> '',
                   ARRAY(SELECT enumlabel::text FROM pg_enum WHERE enumtypid = coalesce(e.oid, t.oid)
                          ORDER BY enumsortorder)
              FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
              LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A'
             WHERE a.attrelid = ANY (%s) AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attrelid, a.attnum""", (list(tables),)):
        base = elemname if is_array else typname
        length = scale = None
        if typmod is not None and typmod >= 0:
            if base in ("varchar", "bpchar"):
                length = typmod - 4
            elif base == "numeric":
                length, scale = ((typmod - 4) >> 16) & 0xFFFF, (typmod - 4) & 0xFFFF
        tables[relid].columns[name] = Column(name, type_name, base, is_array, length, scale, not_null,
                                             has_default, generated, labels or None)
    for relid, conname, contype, cols, frelid, fcols, definition in conn.execute("""
            SELECT k.conrelid, k.conname, k.contype,
                   ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
                           JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o),
                   k.confrelid,
                   ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o)
                           JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o),
                   pg_get_constraintdef(k.oid)
              FROM pg_constraint k WHERE k.conrelid = ANY (%s) ORDER BY k.conrelid, k.conname""",
                                                                             (list(tables),)):
        t = tables[relid]
        if contype == "p":
            t.primary_key = tuple(cols)
            t.uniques.append(tuple(cols))
        elif contype == "u":
            t.uniques.append(tuple(cols))
        elif contype == "f":
            p = tables[frelid]
            t.foreign_keys.append(ForeignKey(conname, tuple(cols), p.key, tuple(fcols)))
        elif contype == "c":
            t.checks[conname] = (tuple(cols), definition)
            read_check(t, cols, definition)
    for relid, cols in conn.execute("""
            SELECT i.indrelid, ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY u(n, o)
                                       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.n
                                      ORDER BY u.o)
              FROM pg_index i
             WHERE i.indrelid = ANY (%s) AND i.indisunique AND 0 <> ALL (i.indkey::int2[])
               AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.indexrelid)""",
                                  (list(tables),)):
        if tuple(cols) not in tables[relid].uniques:
            tables[relid].uniques.append(tuple(cols))  # partial ones too: stricter is safe
    return {t.key: t for t in tables.values()}


# (.*?): a varchar list is cast, ARRAY['a'::character varying, ...]::text[], so the list ends
# at the first "]" after which the rest of the pattern matches.
_IN_LIST = re.compile(r"\(?\"?(\w+)\"?\)?(?:::[\w ]+)? = ANY \(\(?ARRAY\[(.*?)\]\)?(?:::[\w ]+\[\])?\)")
_REGEX = re.compile(r"\(?\"?(\w+)\"?\)?(?:::[\w ]+)? ~ '((?:[^']|'')*)'(?:::text)?")


def strip_parens(text: str) -> str:
    while text.startswith("(") and text.endswith(")"):
        depth = 0
        for i, ch in enumerate(text):
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if depth == 0 and i < len(text) - 1:
                return text  # the first parenthesis closes before the end
        text = text[1:-1]
    return text


def read_check(t: Table, cols: list, definition: str) -> None:
    """Reads the simple CHECK forms a value generator can follow: a list of allowed values,
    and a regular expression, on one column."""
    if len(cols) != 1:
        return
    body = strip_parens(definition[len("CHECK "):])
    m = _IN_LIST.fullmatch(body)
    if m and m.group(1) == cols[0]:
        values = []
        for item in m.group(2).split(","):
            item = re.sub(r"::[\w ]+$", "", item.strip())
            if item.startswith("'"):
                item = item[1:-1].replace("''", "'")
                if t.columns[cols[0]].base in TEXT_TYPES:
                    values.append(item)
                    continue
            try:
                values.append(int(item))
            except ValueError:
                values.append(decimal.Decimal(item))
        t.columns[cols[0]].choices = values
        return
    m = _REGEX.fullmatch(body)
    if m and m.group(1) == cols[0]:
        t.columns[cols[0]].regex = m.group(2).replace("''", "'")


# -- kinds of edges (for reading the misses) --------------------------------------------------
KINDS = {
    "lookup": "lookup named by the column within the child's name",
    "prefix": "parent named by the child table's prefix",
    "roles": "roles of one entity",
    "abbrev": "abbreviations and initials",
    "role_prefix": "role prefix on a surrogate key",
    "plain": "column named after the parent",
    "other": "other",
}
_KEY_SUFFIXES = ("_id", "_sk", "_no", "_key", "_code", "id")


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _strip_table_prefix(column: str, table: str) -> str:
    """cs_bill_customer_sk in catalog_sales -> bill_customer_sk; inv_item_sk in inventory ->
    item_sk; web_open_date_sk in web_site -> open_date_sk."""
    head, _, rest = column.partition("_")
    words = table.split("_")
    initials = "".join(w[0] for w in words)
    if not rest or rest in ("id", "sk", "no", "key", "code"):
        return column
    if head == initials or (len(head) >= 2 and initials.startswith(head)) \
            or (head != words[0] and words[0].startswith(head)) \
            or (head == words[0] and len(words) > 1 and not rest.startswith(words[1])):
        return rest
    return column


def _stem(column: str) -> str:
    for suffix in _KEY_SUFFIXES:
        if column.endswith(suffix) and len(column) > len(suffix):
            return column[: -len(suffix)]
    return column


def _abbreviates(short: str, name: str) -> bool:
    """cust -> customers, dept -> departments, cdemo -> customer_demographics, addr -> address."""
    short = short.replace("_", "")
    if len(short) < 2 or short == _singular(name).replace("_", ""):
        return False
    words = name.split("_")
    for start in range(len(words)):
        letters = "_".join(words[start:])
        if letters[0] != short[0]:
            continue
        i = 0
        for ch in letters:
            if i < len(short) and ch == short[i]:
                i += 1
        if i == len(short):
            return True
    return False


def edge_kind(edge: tuple) -> str:
    """Which of issue 14's kinds a foreign key is, from its names alone (a reading aid)."""
    _, child, columns, _, parent, parent_columns = edge
    if len(columns) != 1:
        return "other"
    column, parent_key = columns[0].lower(), parent_columns[0].lower()
    child, parent = child.lower(), parent.lower()
    stem = _stem(_strip_table_prefix(column, child))
    key = _stem(_strip_table_prefix(parent_key, parent))
    key = "" if key == parent_key and parent_key in ("id", "rowid") else key
    parent_words, child_words = parent.split("_"), child.split("_")
    related = set(stem.split("_")) & set(parent_words) or stem in ("", "id", "new", "entity0", "entity1")
    if child_words[:len(parent_words)] == parent_words and child != parent and related \
            and stem not in parent_words[:1] and stem not in (parent, _singular(parent)):
        return "prefix"  # editor_collection_artist(collection) -> editor_collection
    if parent == f"{child}_{stem}" or (
            parent.endswith(f"_{stem}") and parent.startswith(child_words[0] + "_") and stem not in parent_words[:1]):
        return "lookup"
    if (key and stem != key and stem.endswith(f"_{key}")) or stem.endswith((f"_{parent}", f"_{_singular(parent)}")):
        return "role_prefix"  # ss_sold_date_sk -> date_dim(d_date_sk), begin_area -> area(id)
    singular = _singular(parent)
    contains = any(child_words[i:i + len(parent_words)] == parent_words
                   for i in range(len(child_words))) and child != parent
    if contains and stem in (parent, singular, "", "id", "new", "entity0", "entity1"):
        return "prefix"
    if stem in (parent, singular) or _stem(column) in (parent, singular) or stem == key:
        return "abbrev" if stem == key and _abbreviates(key, parent) else "plain"
    if _abbreviates(stem, parent) or _abbreviates(stem.split("_")[-1], parent):
        return "abbrev"
    if not set(stem.rstrip("0123456789").split("_")) & set(parent_words + [singular]):
        return "roles"
    if contains:
        return "prefix"
    return "other"


def kinds_of(edges) -> dict:
    out = {}
    for e in sorted(edges):
        out.setdefault(edge_kind(e), []).append(
            f"{e[1]}({', '.join(e[2])}) -> {e[4]}({', '.join(e[5])})")
    return out


# -- values ------------------------------------------------------------------------------------
def sample_regex(pattern: str, rng: random.Random) -> str:
    """A string matching a simple regular expression: literals, escapes \\d \\w, classes,
    '.', the quantifiers ? * + {n} {n,m}, anchors. Enough for the CHECKs of real schemas."""
    digits, upper = "0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    word = upper + upper.lower() + digits + "_"
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c in "^$":
            i += 1
            continue
        if c == "\\":
            e = pattern[i + 1]
            atom = {"d": digits, "w": word, "s": " "}.get(e, e)
            i += 2
        elif c == "[":
            j = pattern.index("]", i + 2)
            body, atom, k = pattern[i + 1:j], "", 0
            while k < len(body):
                if body[k] == "\\":
                    atom += {"d": digits, "w": word}.get(body[k + 1], body[k + 1])
                    k += 2
                elif k + 2 < len(body) and body[k + 1] == "-":
                    atom += "".join(chr(x) for x in range(ord(body[k]), ord(body[k + 2]) + 1))
                    k += 3
                else:
                    atom += body[k]
                    k += 1
            i = j + 1
        elif c == ".":
            atom = upper
            i += 1
        else:
            atom = c
            i += 1
        lo = hi = 1
        if i < len(pattern) and pattern[i] in "?*+{":
            q = pattern[i]
            if q == "{":
                j = pattern.index("}", i)
                parts = pattern[i + 1:j].split(",")
                lo = int(parts[0])
                hi = int(parts[1]) if len(parts) > 1 and parts[1] else (lo if len(parts) == 1 else lo + 3)
                i = j + 1
            else:
                lo, hi = {"?": (0, 1), "*": (0, 3), "+": (1, 3)}[q]
                i += 1
        out.extend(rng.choice(atom) for _ in range(rng.randint(lo, hi)))
    return "".join(out)


INT_TYPES = {"int2": 32767, "int4": 2**31 - 1, "int8": 2**63 - 1}
TEXT_TYPES = {"text", "varchar", "bpchar", "name", "citext"}
EPOCH = datetime.date(2000, 1, 1)


def fit_text(text: str, col: Column) -> str:
    if col.length is not None and len(text) > col.length:
        text = text[-col.length:] if col.length >= 4 else text[:col.length]
    return text


def fits(col: Column, value) -> bool:
    """Whether a value (a parent's key) fits the child's column type."""
    if value is None:
        return True
    if col.base == "numeric" and col.length and isinstance(value, (int, decimal.Decimal)):
        return abs(value) < 10 ** (col.length - (col.scale or 0))
    if col.base == "int2" and isinstance(value, int):
        return abs(value) <= 32767
    if col.base in TEXT_TYPES and col.length is not None and isinstance(value, str):
        return len(value.rstrip()) <= col.length
    return True


def key_capacity(col: Column) -> int | None:
    """How many serial-like values a key column can hold."""
    if col.base == "numeric" and col.length:
        return 10 ** (col.length - (col.scale or 0)) - 1
    if col.base in TEXT_TYPES and col.length is not None and col.length < 4:
        return 26 ** col.length
    return None


def key_value(col: Column, n: int, rng: random.Random):
    """The n-th (1-based) value of a key column: serial-like numbers, codes for strings."""
    if col.regex:
        return sample_regex(col.regex, rng)
    if col.choices:
        return col.choices[(n - 1) % len(col.choices)]
    if col.enum_labels:
        return col.enum_labels[(n - 1) % len(col.enum_labels)]
    b = col.base
    if b in INT_TYPES or b in ("numeric", "float4", "float8"):
        return n
    if b in TEXT_TYPES:
        width = col.length
        if width is not None and width < 4:
            alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            s, k = "", n - 1
            for _ in range(width):
                s, k = alphabet[k % 26] + s, k // 26
            return s
        prefix = col.name[0].lower()
        digits = (width - 1) if width else 3
        return f"{prefix}{n:0{min(digits, 6)}d}" if width is None or len(str(n)) <= digits else str(n)
    if b == "date":
        return EPOCH + datetime.timedelta(days=n - 1)
    if b in ("timestamp", "timestamptz"):
        return datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc if b == "timestamptz" else None) \
            + datetime.timedelta(hours=n - 1)
    return plain_value(col, n, rng)


def plain_value(col: Column, n: int, rng: random.Random, salt: str = ""):
    """A value of the column's type for row n."""
    if col.regex:
        return sample_regex(col.regex, rng)
    if col.choices:
        return rng.choice(col.choices)
    if col.enum_labels:
        return rng.choice(col.enum_labels)
    if col.is_array:
        element = dataclasses.replace(col, is_array=False, length=None)
        return [plain_value(element, n, rng, salt) for _ in range(rng.randint(1, 3))]
    b = col.base
    if b == "int2":
        return rng.randint(0, 30)
    if b in INT_TYPES:
        return rng.randint(0, 5000)
    if b == "numeric":
        if col.length:
            whole = col.length - (col.scale or 0)
            top = 10 ** min(whole, 6) - 1
            if top <= 0:
                return decimal.Decimal(rng.randint(0, 10 ** (col.scale or 0) - 1)).scaleb(-(col.scale or 0))
            value = decimal.Decimal(rng.randint(0, top * 100)) / 100
            return value.quantize(decimal.Decimal(1).scaleb(-(col.scale or 0))) if col.scale is not None else value
        return decimal.Decimal(rng.randint(0, 100000)) / 100
    if b in ("float4", "float8"):
        return round(rng.uniform(0, 1000), 3)
    if b == "bool":
        return rng.random() < 0.5
    if b in TEXT_TYPES:
        if col.length is not None and col.length <= 3:
            return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(col.length))
        return fit_text(f"{col.name} {salt}{n}", col)
    if b == "date":
        return EPOCH + datetime.timedelta(days=rng.randint(0, 9000))
    if b == "timestamp":
        return datetime.datetime(2000, 1, 1) + datetime.timedelta(seconds=rng.randint(0, 25 * 365 * 86400))
    if b == "timestamptz":
        return datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc) \
            + datetime.timedelta(seconds=rng.randint(0, 25 * 365 * 86400))
    if b in ("time", "timetz"):
        return datetime.time(rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    if b == "interval":
        return datetime.timedelta(days=rng.randint(0, 3650))
    if b == "uuid":
        return uuid.UUID(int=rng.getrandbits(128), version=4)
    if b in ("json", "jsonb"):
        return Jsonb({"n": n}) if b == "jsonb" else Json({"n": n})
    if b == "bytea":
        return rng.randbytes(8)
    if b == "inet":
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if b == "point":
        return f"({rng.uniform(-90, 90):.4f},{rng.uniform(-180, 180):.4f})"
    if b == "xml":
        return f"<v>{n}</v>"
    return None  # unknown type: the column's default, or NULL


# -- filling -----------------------------------------------------------------------------------
@dataclasses.dataclass
class FillReport:
    dataset: str
    tables: int = 0
    rows: int = 0
    seconds: float = 0.0
    short: list = dataclasses.field(default_factory=list)   # "table: n of m rows (why)"
    unfilled_fks: list = dataclasses.field(default_factory=list)

    def text(self) -> str:
        lines = [f"{self.dataset}: {self.rows} rows in {self.tables} tables, {self.seconds:.1f} s"]
        lines += [f"  short: {s}" for s in self.short]
        lines += [f"  foreign key left NULL: {s}" for s in self.unfilled_fks]
        return "\n".join(lines)


def strongly_connected(tables: dict) -> list[list]:
    """Tarjan's algorithm on table -> parent edges; returns components parents first."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for fk in tables[v].foreign_keys:
            w = fk.parent
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))

    sys.setrecursionlimit(max(10000, sys.getrecursionlimit()))
    for v in sorted(tables):
        if v not in index:
            visit(v)
    return out  # Tarjan emits a component after every component it reaches: parents first


def hashable(value):
    return tuple(value) if isinstance(value, list) else value


class Filler:
    def __init__(self, conn, dataset: str, seed: int = SEED, rows: tuple | None = None):
        self.conn = conn
        self.dataset = dataset
        self.seed = seed
        self.bounds = rows or ROWS.get(dataset, DEFAULT_ROWS)
        self.tables = read_catalog(conn)
        self.parent_rows: dict = {}   # (table key, columns) -> list of tuples present
        self.report = FillReport(dataset, tables=len(self.tables))

    def rng(self, *parts) -> random.Random:
        return random.Random(":".join(map(str, (self.seed, *parts))))

    def existing(self, table_key: tuple, columns: tuple) -> list:
        key = (table_key, columns)
        if key not in self.parent_rows:
            t = self.tables[table_key]
            cols = sql.SQL(", ").join(map(sql.Identifier, columns))
            where = sql.SQL(" AND ").join(sql.SQL("{} IS NOT NULL").format(sql.Identifier(c)) for c in columns)
            rows = self.conn.execute(sql.SQL("SELECT DISTINCT {} FROM {} WHERE {} ORDER BY {}").format(
                cols, t.ident, where, cols)).fetchall()
            self.parent_rows[key] = [tuple(r) for r in rows]
        return self.parent_rows[key]

    def fill(self) -> FillReport:
        start = time.monotonic()
        for component in strongly_connected(self.tables):
            members = set(component)
            deferred = []  # (table, fk) filled after the component has rows
            for key in component:
                t = self.tables[key]
                later = [fk for fk in t.foreign_keys if fk.parent in members and fk.parent != key]
                deferred += [(t, fk) for fk in later]
                self.fill_table(t, skip={fk.name for fk in later})
            for t, fk in deferred:
                self.fill_later(t, fk)
        self.report.seconds = time.monotonic() - start
        return self.report

    # -- one table -------------------------------------------------------------------------
    def fill_table(self, t: Table, skip: set) -> None:
        rng = self.rng(t.schema, t.name)
        want = rng.randint(*self.bounds)
        fks = sorted((fk for fk in t.foreign_keys if fk.name not in skip and fk.parent != t.key),
                     key=lambda fk: (-len(fk.columns), fk.name))
        self_fks = [fk for fk in t.foreign_keys if fk.parent == t.key]
        skipped_cols = {c for fk in t.foreign_keys if fk.name in skip for c in fk.columns}
        for c in skipped_cols:
            if t.columns[c].not_null:
                self.report.short.append(f"{t}: foreign key column {c} is NOT NULL inside a cycle")
        fk_cols = {c for fk in t.foreign_keys for c in fk.columns}
        # Keys numbered like a serial: one-column unique keys that no foreign key fills.
        serial = {u[0] for u in t.uniques if len(u) == 1 and u[0] not in fk_cols}
        # A foreign key covering a unique key takes each parent row at most once.
        exclusive = {fk.name for fk in fks if any(set(u) <= set(fk.columns) for u in t.uniques)}
        pools = {}
        for c in serial:
            capacity = key_capacity(t.columns[c])
            if capacity is not None:
                want = min(want, capacity)
        for fk in fks:
            pool = [p for p in self.existing(fk.parent, fk.parent_columns)
                    if all(fits(t.columns[c], v) for c, v in zip(fk.columns, p))]
            if fk.name in exclusive:
                rng.shuffle(pool)
            pools[fk.name] = pool
            if not pool and all(t.columns[c].not_null for c in fk.columns):
                self.report.short.append(f"{t}: 0 of {want} rows (parent {'.'.join(fk.parent)} has no rows)")
                return
        for fk in fks:
            if fk.name in exclusive:
                want = min(want, len(pools[fk.name]) or want)
        used = {u: set() for u in t.uniques}
        rows, n, attempts = [], 0, 0
        self_keys = []  # tuples of referenced columns of rows generated so far (self references)
        while len(rows) < want and attempts < want * 20:
            attempts += 1
            n += 1
            row = self.make_row(t, n, len(rows), rng, fks, pools, exclusive, serial, skipped_cols)
            if row is None:
                continue
            for fk in self_fks:
                self.set_self_reference(t, fk, row, rng, self_keys)
            if not self.unique_ok(t, row, used):
                continue
            for u in t.uniques:  # a generated column is not in the row: None, never a clash
                used[u].add(tuple(hashable(row.get(c)) for c in u))
            rows.append(row)
            for fk in self_fks:
                self_keys.append((fk.name, tuple(row[c] for c in fk.parent_columns)))
        inserted = self.insert(t, rows, rng, fks, pools, serial)
        self.report.rows += inserted
        if inserted < want:
            why = "unique keys left too few combinations" if len(rows) < want else "rows broke constraints"
            self.report.short.append(f"{t}: {inserted} of {want} rows ({why})")

    def make_row(self, t, n, index, rng, fks, pools, exclusive, serial, skipped_cols) -> dict | None:
        row = {}
        for fk in fks:
            pool = pools[fk.name]
            nullable = all(not t.columns[c].not_null for c in fk.columns)
            fixed = {c: row[c] for c in fk.columns if c in row}
            if fk.name in exclusive:
                if index >= len(pool):
                    return None
                choice = pool[index]
                if any(choice[fk.columns.index(c)] != v for c, v in fixed.items()):
                    return None
            else:
                if fixed:
                    candidates = [p for p in pool if all(p[fk.columns.index(c)] == v for c, v in fixed.items())]
                else:
                    candidates = pool
                if nullable and (not candidates or rng.random() < 0.1):
                    for c in fk.columns:
                        row.setdefault(c, None)
                    continue
                if not candidates:
                    return None
                choice = rng.choice(candidates)
            for c, v in zip(fk.columns, choice):
                row[c] = v
        for c in skipped_cols:
            row.setdefault(c, None)
        for name, col in t.columns.items():
            if name in row:
                continue
            if col.generated:
                continue
            if name in t.primary_key or (name in serial and col.base not in TEXT_TYPES):
                row[name] = key_value(col, n, rng)
                continue
            if name in serial:  # a unique string that is not the primary key: a name, carrying n
                row[name] = plain_value(col, n, rng, salt=f"{t.name[:3]}")
                continue
            if not col.not_null and rng.random() < 0.1:
                row[name] = None
                continue
            value = plain_value(col, n, rng, salt=f"{t.name[:3]}")
            if value is None and col.has_default:
                continue  # leave it to the default
            row[name] = value
        return row

    def set_self_reference(self, t, fk, row, rng, self_keys) -> None:
        earlier = [k for name, k in self_keys if name == fk.name and None not in k]
        nullable = all(not t.columns[c].not_null for c in fk.columns)
        if earlier and (not nullable or rng.random() < 0.7):
            choice = rng.choice(earlier)
        elif nullable:
            choice = (None,) * len(fk.columns)
        else:
            choice = tuple(row[c] for c in fk.parent_columns)  # the row's own key
        for c, v in zip(fk.columns, choice):
            row[c] = v

    @staticmethod
    def unique_ok(t, row, used) -> bool:
        for u in t.uniques:
            values = tuple(hashable(row.get(c)) for c in u)
            if None not in values and values in used[u]:
                return False
        return True

    # -- writing ---------------------------------------------------------------------------
    def insert(self, t: Table, rows: list, rng, fks, pools, serial) -> int:
        if not rows:
            return 0
        columns = [c for c in t.columns if any(c in r for r in rows)]
        stmt = sql.SQL("INSERT INTO {} ({}) VALUES ").format(t.ident, sql.SQL(", ").join(map(sql.Identifier, columns)))
        one = sql.SQL("({})").format(sql.SQL(", ").join(sql.Placeholder()
                                                         for _ in columns))
        try:
            with self.conn.transaction():
                self.conn.execute(stmt + sql.SQL(", ").join([one] * len(rows)),
                                  [r.get(c) for r in rows for c in columns])
            return len(rows)
        except psycopg.Error:
            pass
        # Row by row, repairing what a row breaks. Self references point only to earlier rows,
        # so this order works.
        done = 0
        for row in rows:
            check = None
            for attempt in range(40):
                try:
                    with self.conn.transaction():
                        self.conn.execute(stmt + one, [row.get(c) for c in columns])
                    done += 1
                    break
                except errors.CheckViolation as e:
                    check = e.diag.constraint_name
                    row = self.repair(t, row, check, attempt, rng, fks, pools, serial)
                except errors.UniqueViolation:
                    if check is None:  # not a repaired row: a unique index the generator can't see
                        break
                    row = self.repair(t, row, check, attempt, rng, fks, pools, serial)
                except (errors.ForeignKeyViolation, errors.NotNullViolation):
                    break
        return done

    def repair(self, t, row, constraint, attempt, rng, fks, pools, serial) -> dict:
        row = dict(row)
        columns = t.checks.get(constraint, ((), ""))[0] or tuple(t.columns)
        fk_of = {c: fk for fk in fks for c in fk.columns}
        keys = {c for u in t.uniques for c in u}
        if attempt == 0:
            for c in columns:
                if not t.columns[c].not_null and c not in keys:
                    row[c] = None
            return row
        for c in columns:
            col = t.columns[c]
            if c in serial:
                continue
            roll = rng.random()
            if c in fk_of:
                fk = fk_of[c]
                if not all(t.columns[x].not_null for x in fk.columns) and roll < 0.3:
                    for x in fk.columns:
                        row[x] = None
                elif pools.get(fk.name):
                    choice = rng.choice(pools[fk.name])
                    for x, v in zip(fk.columns, choice):
                        row[x] = v
            elif not col.not_null and roll < 0.4:
                row[c] = None
            elif col.base in INT_TYPES or col.base == "numeric":
                row[c] = rng.choice([0, 1, 2, 3, -1, rng.randint(0, 100)])
            elif col.base == "bool":
                row[c] = rng.random() < 0.5
            else:
                row[c] = plain_value(col, rng.randint(1, 10**6), rng)
        return row

    def fill_later(self, t: Table, fk: ForeignKey) -> None:
        """Fills a foreign key inside a cycle once its parent has rows (it was NULL)."""
        pool = self.existing(fk.parent, fk.parent_columns)
        if not pool:
            self.report.unfilled_fks.append(f"{t}.{fk.name} (parent has no rows)")
            return
        rng = self.rng(t.schema, t.name, fk.name)
        ctids = [r[0] for r in self.conn.execute(sql.SQL("SELECT ctid::text FROM {} ORDER BY ctid").format(t.ident))]
        sets = sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(c)) for c in fk.columns)
        stmt = sql.SQL("UPDATE {} SET {} WHERE ctid = %s::tid").format(t.ident, sets)
        failed = 0
        for ctid in ctids:
            if rng.random() < 0.1:
                continue
            for _ in range(3):
                try:
                    with self.conn.transaction():
                        self.conn.execute(stmt, [*rng.choice(pool), ctid])
                    break
                except psycopg.Error:
                    continue
            else:
                failed += 1
        if failed:
            self.report.unfilled_fks.append(f"{t}.{fk.name}: {failed} of {len(ctids)} rows left NULL")
        self.parent_rows = {k: v for k, v in self.parent_rows.items() if k[0] != t.key}


def fill(conn, dataset: str, seed: int = SEED, rows: tuple | None = None) -> FillReport:
    """Fills every table of the database conn is connected to (autocommit connection)."""
    return Filler(conn, dataset, seed, rows).fill()


def verify(conn) -> list[str]:
    """Tables without a row (the constraints themselves were checked by PostgreSQL)."""
    empty = []
    for t in read_catalog(conn).values():
        if conn.execute(sql.SQL("SELECT NOT EXISTS (SELECT FROM {})").format(t.ident)).fetchone()[0]:
            empty.append(str(t))
    return empty


def main() -> int:
    sys.path.insert(0, str(ROOT / "test" / "e2e"))
    from cluster import Cluster

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", action="append", choices=datasets())
    args = parser.parse_args()
    cluster = Cluster().start()
    bad = 0
    try:
        for dataset in args.dataset or datasets():
            db = f"heldout_{dataset}"
            cluster.create_database(db)
            cluster.psql(db, "-f", str(schema_file(dataset)))
            with cluster.connect(db) as conn:
                report = fill(conn, dataset)
                print(report.text())
                empty = verify(conn)
                for e in empty:
                    print(f"  empty: {e}")
                bad += bool(report.short or report.unfilled_fks or empty)
    finally:
        cluster.destroy()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
