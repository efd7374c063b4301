#!/usr/bin/env python3
"""make_offices.py OUTDIR [--seed N] [--wilayah CSV]

Writes a folder of sign-up sheets, attendance lists, recap sheets, portal exports
and news feeds the way South Jakarta offices really produce them, plus:

  OUTDIR/truth.csv     one line per participant-like record: ref, status
                       (VALID / INVALID / NONRECORD), expected reasons, quirk tags,
                       a note when the truth is debatable, expected canonical values
  OUTDIR/rows.jsonl    per record: the raw cells as written (header -> text) and which
                       column holds which canonical field
  OUTDIR/pipeline.json a muster pipeline over the folder (shipped rules)

Status:
  VALID      a participant record that breaks none of the rules
  INVALID    breaks at least one rule (reasons say which, as muster rule ids)
  NONRECORD  not a participant at all (totals row, signature block, empty
             pre-numbered row, second header row): must not be accepted; being
             skipped or quarantined are both fine

People are invented (random combinations of common Indonesian names); e-mail
domains are example domains.  Standard library only.
"""
import csv
import datetime as dt
import io
import json
import os
import random
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(os.path.dirname(HERE))
DEFAULT_WILAYAH = os.path.join(REPOSITORY, "data/wilayah/dki_jakarta_wilayah.csv")
TODAY = dt.date.today()

NBSP = "\u00a0"
ZWSP = "\u200b"
LRE, PDF = "\u202a", "\u202c"
SHY = "\u00ad"
BOMCH = "\ufeff"

# ---------------------------------------------------------------------------
# regions


class Regions:
    def __init__(self, path):
        self.rows = list(csv.DictReader(open(path, encoding="utf-8")))
        self.kec = {r["code"]: r["name"] for r in self.rows if r["level"] == "kecamatan"}
        self.kel = {r["code"]: (r["name"], r["parent_code"]) for r in self.rows if r["level"] == "kelurahan"}
        self.south_kel = [(c, n, p) for c, (n, p) in self.kel.items() if c.startswith("31.74.")]
        self.south_kec = {c: n for c, n in self.kec.items() if c.startswith("31.74.")}
        south_names = {n.lower() for _, n, _ in self.south_kel} | {n.lower() for n in self.south_kec.values()}
        self.out_kel = [(c, n, p) for c, (n, p) in self.kel.items()
                        if not c.startswith("31.74.") and n.lower() not in south_names
                        and not c.startswith("31.01.")]
        self.out_kec = {c: n for c, n in self.kec.items()
                        if not c.startswith("31.74.") and n.lower() not in south_names
                        and not c.startswith("31.01.")}
        self.all_names = sorted({n for n in self.kec.values()} | {n for n, _ in self.kel.values()})

    def kel_by_name(self, name):
        for c, n, p in self.south_kel:
            if n == name:
                return c, n, p
        raise KeyError(name)


def lev(a, b):
    a, b = a.lower(), b.lower()
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# ---------------------------------------------------------------------------
# people

F_FIRST = ["Siti", "Dewi", "Sri", "Nur", "Rina", "Yuli", "Ani", "Wati", "Fitri", "Indah", "Ratna",
           "Nurul", "Aisyah", "Dian", "Endang", "Eka", "Tuti", "Rahmawati", "Sumarni", "Suryani",
           "Kartini", "Murni", "Nining", "Neneng", "Euis", "Imas", "Yanti", "Mega", "Desi", "Rini",
           "Nia", "Lina", "Ida", "Ika", "Lilis", "Tati", "Fatimah", "Maryam", "Nurhayati", "Sulastri",
           "Ernawati", "Juwita", "Anisa", "Putri", "Ayu", "Wulan", "Yeni", "Heni", "Titin", "Umi"]
M_FIRST = ["Ahmad", "Muhammad", "Budi", "Agus", "Andi", "Eko", "Dedi", "Hendra", "Joko", "Rudi",
           "Wahyu", "Yusuf", "Rizki", "Fajar", "Bambang", "Slamet", "Teguh", "Heru", "Dodi", "Arif",
           "Imam", "Iwan", "Hadi", "Rahmat", "Irfan", "Syaiful", "Ujang", "Asep", "Dadang", "Bayu",
           "Firman", "Mulyadi", "Darmawan", "Sutrisno", "Sugeng"]
SURN = ["Saputra", "Pratama", "Hidayat", "Nasution", "Siregar", "Lubis", "Harahap", "Simanjuntak",
        "Santoso", "Wibowo", "Setiawan", "Kurniawan", "Susanto", "Gunawan", "Hakim", "Rahman",
        "Maulana", "Firmansyah", "Wijaya", "Hasibuan", "Manurung", "Pohan", "Tanjung", "Sembiring",
        "Ginting", "Tarigan", "Marpaung", "Situmorang", "Sinaga", "Hutapea", "Syahputra", "Ramadhan"]
F_SECOND = ["Lestari", "Rahayu", "Handayani", "Susanti", "Puspitasari", "Anggraini", "Wulandari",
            "Safitri", "Permatasari", "Kusumawati", "Maharani", "Oktaviani", "Fauziah", "Komariah",
            "Hasanah", "Nurjanah", "Marlina", "Yulianti", "Purnamasari", "Aminah", "Pertiwi", "Wahyuni"]
SECTORS = ["Kuliner", "Katering rumahan", "Kue kering", "Keripik singkong", "Jahit, permak pakaian",
           "Fesyen muslim", "Tas anyaman", "Tote bag", "Laundry kiloan", "Toko kelontong",
           "Salon & rias", "Sablon kaos", "Jualan online", "Kerajinan manik-manik", "Minuman kekinian",
           "Frozen food", "Batik tulis", "Bengkel motor", "Hijab & mukena", "Tanaman hias"]
MOBILE_PREFIXES = ["0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0857", "0858",
                   "0877", "0878", "0895", "0896", "0897", "0881", "0882", "0838", "0856", "0815"]
MAIL_DOMAINS = ["example.com", "example.co.id", "mail.example", "surel.example", "example.net"]


class Person:
    pass


def make_person(rng, regions, idx):
    p = Person()
    p.idx = idx
    p.gender = rng.choice("LP")
    if p.gender == "P":
        first = rng.choice(F_FIRST)
        parts = [first] + ([rng.choice(F_SECOND)] if rng.random() < 0.8 else [])
        if rng.random() < 0.15:
            parts.append(rng.choice(SURN))
    else:
        first = rng.choice(M_FIRST)
        parts = [first] + ([rng.choice(SURN)] if rng.random() < 0.85 else [])
        if first == "Muhammad" and rng.random() < 0.5:
            parts.insert(1, rng.choice(["Rizki", "Iqbal", "Fauzan", "Akbar"]))
    # make sure two records of the pool rarely collide
    p.name = " ".join(dict.fromkeys(parts))
    p.birth = dt.date(rng.randint(1962, 2003), rng.randint(1, 12), 1) + dt.timedelta(days=rng.randint(0, 27))
    kel_code, kel_name, kec_code = rng.choice(regions.south_kel)
    p.kel_code, p.kel, p.kec_code, p.kec = kel_code, kel_name, kec_code, regions.kec[kec_code]
    dd = p.birth.day + (40 if p.gender == "P" else 0)
    p.nik = "3174%s%02d%02d%02d%04d" % (kec_code[-2:], dd, p.birth.month, p.birth.year % 100, rng.randint(1, 250))
    p.phone_local = rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(rng.choice([7, 8, 8])))
    user = p.name.lower().replace(" ", rng.choice([".", "_", ""]))
    user = "".join(ch for ch in user if ch.isalnum() or ch in "._")
    p.email = "%s%s@%s" % (user, rng.choice(["", str(rng.randint(1, 99))]), rng.choice(MAIL_DOMAINS))
    p.sector = rng.choice(SECTORS)
    return p


def e164(local):
    d = "".join(ch for ch in local if ch.isdigit())
    if d.startswith("0"):
        d = "62" + d[1:]
    elif d.startswith("8"):
        d = "62" + d
    return "+" + d


# ---------------------------------------------------------------------------
# records

class Rec:
    def __init__(self, person, train=None):
        self.p = person
        self.f = {}          # canonical field -> raw value (str, or any JSON value for exports)
        self.tags = []
        self.invalid = []    # expected muster rule ids
        self.debatable = []
        self.exp = {}
        self.train = train   # training date the age is judged at (None: today)
        self.nonrecord = False
        self.bad_tags = []
        self.ref = None
        self.file = None

    def tag(self, t):
        self.tags.append(t.replace(" ", "_"))

    def bad(self, rule, tag):
        self.invalid.append(rule)
        self.tag(tag)
        self.bad_tags.append(tag.replace(" ", "_"))

    def debate(self, note):
        self.debatable.append(note)

    @property
    def status(self):
        if self.nonrecord:
            return "NONRECORD"
        return "INVALID" if self.invalid else "VALID"


def age_at(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
ID_MON_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]
ID_MON_ALT = {2: ["Pebruari", "Peb"], 8: ["Ags", "Agu", "Agst"], 9: ["Sept"], 11: ["Nopember", "Nop"]}
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def excel_serial(d):
    return (d - dt.date(1899, 12, 30)).days


def fmt_date(rng, d, style):
    """A valid written form of d; returns (text, tag)."""
    if style == "dmy/":
        return "%02d/%02d/%04d" % (d.day, d.month, d.year), "date:dd/mm/yyyy"
    if style == "dmy-":
        return "%02d-%02d-%04d" % (d.day, d.month, d.year), "date:dd-mm-yyyy"
    if style == "d/m/yyyy":
        return "%d/%d/%04d" % (d.day, d.month, d.year), "date:d/m/yyyy"
    if style == "mdy":
        return "%d/%d/%04d" % (d.month, d.day, d.year), "date:us-m/d/yyyy"
    if style == "iso":
        return d.isoformat(), "date:iso"
    if style == "dots":
        return "%02d.%02d.%04d" % (d.day, d.month, d.year), "date:dd.mm.yyyy"
    if style == "2y":
        return "%d-%d-%02d" % (d.day, d.month, d.year % 100), "date:d-m-yy"
    if style == "long":
        return "%d %s %d" % (d.day, ID_MONTHS[d.month - 1], d.year), "date:id-long"
    if style == "LONG":
        return ("%d %s %d" % (d.day, ID_MONTHS[d.month - 1], d.year)).upper(), "date:id-long-upper"
    if style == "short":
        return "%d %s %d" % (d.day, ID_MON_SHORT[d.month - 1], d.year), "date:id-short"
    if style == "old":
        alt = ID_MON_ALT.get(d.month)
        if alt:
            return "%d %s %d" % (d.day, rng.choice(alt), d.year), "date:id-old-spelling"
        return "%d %s %d" % (d.day, ID_MONTHS[d.month - 1], d.year), "date:id-long"
    if style == "excel-en":
        en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "%02d-%s-%02d" % (d.day, en[d.month - 1], d.year % 100), "date:excel-dd-Mmm-yy-english"
    if style == "dash-mon":
        return "%02d-%s-%d" % (d.day, ID_MON_SHORT[d.month - 1], d.year), "date:dd-Mon-yyyy"
    if style == "serial":
        return str(excel_serial(d)), "date:excel-serial"
    if style == "ttl":
        city = rng.choice(["Jakarta", "JAKARTA", "Jkt", "Bogor", "Klaten", "Medan", "Brebes", "Garut", "Padang"])
        sep = rng.choice([", ", ",", " , ", " / "])
        body, t = fmt_date(rng, d, rng.choice(["long", "dmy-", "dmy/", "short"]))
        return city + sep + body, "date:ttl-" + t.split(":")[1]
    raise ValueError(style)


def place_name_variants():
    return {
        # official -> list of (written form, tag)
        "Pasar Minggu": [("Ps. Minggu", "abbr-Ps."), ("Psr Minggu", "abbr-Psr"), ("Pasar Mingu", "typo")],
        "Kebayoran Baru": [("Kby. Baru", "abbr-Kby."), ("Keb. Baru", "abbr-Keb."), ("Kebayoran Br.", "abbr-Br.")],
        "Kebayoran Lama": [("Kby Lama", "abbr-Kby"), ("Keb. Lama", "abbr-Keb."), ("Kebayoran Lma", "typo")],
        "Mampang Prapatan": [("Mampang Prpt.", "abbr-Prpt."), ("Mampang Prapatan", "exact"), ("Mampang Prapatn", "typo")],
        "Setiabudi": [("Setia Budi", "spacing"), ("Setiabudy", "typo")],
        "Pesanggrahan": [("Pesanggerahan", "spelling-variant"), ("Pesangrahan", "typo")],
        "Jagakarsa": [("Jagakarsah", "typo"), ("Jaga Karsa", "spacing")],
        "Cilandak": [("Cilandak", "exact"), ("Cilandk", "typo")],
        "Pancoran": [("Pancoran", "exact"), ("Pancooran", "typo")],
        "Tebet": [("Tebet", "exact"), ("TEBET", "upper")],
        "Pondok Pinang": [("Pdk. Pinang", "abbr-Pdk."), ("Pd. Pinang", "abbr-Pd."), ("Pondok Pinag", "typo")],
        "Pondok Labu": [("Pd. Labu", "abbr-Pd."), ("Pdk Labu", "abbr-Pdk")],
        "Pasar Manggis": [("Ps. Manggis", "abbr-Ps."), ("Psr. Manggis", "abbr-Psr.")],
        "Duren Tiga": [("Duren 3", "numeral"), ("Duren III", "roman-numeral"), ("Durentiga", "spacing")],
        "Jati Padang": [("Jatipadang", "spacing"), ("Jati Padang", "exact")],
        "Rawajati": [("Rawa Jati", "spacing")],
        "Setia Budi": [("Setiabudi", "spacing")],
        "Pela Mampang": [("Pelamampang", "spacing")],
        "Tegal Parang": [("Tegalparang", "spacing")],
        "Lebak Bulus": [("Lebakbulus", "spacing"), ("Lebak Bulu", "typo")],
        "Bukit Duri": [("Bukitduri", "spacing")],
        "Ulujami": [("Ulu Jami", "spacing")],
        "Kalibata": [("Kali Bata", "spacing"), ("Kalibta", "typo")],
        "Kramat Pela": [("Keramat Pela", "spelling-variant")],
        "Pengadegan": [("Pangadegan", "spelling-variant")],
        "Menteng Dalam": [("Menteng Dlm", "abbr-Dlm"), ("Menteng Dalem", "spelling-variant")],
        "Tanjung Barat": [("Tj. Barat", "abbr-Tj."), ("Tg. Barat", "abbr-Tg."), ("Tanjung Brt", "abbr-Brt")],
        "Manggarai Selatan": [("Manggarai Sel.", "abbr-Sel."), ("Manggarai Sltn", "abbr-Sltn")],
        "Kebayoran Lama Utara": [("Kby. Lama Utara", "abbr-Kby."), ("Keb. Lama Utr", "abbr-Keb.+Utr")],
        "Kebayoran Lama Selatan": [("Kby Lama Sel", "abbr-Kby+Sel"), ("Kebayoran Lama Sltn", "abbr-Sltn")],
        "Cipete Utara": [("Cipete Utr", "abbr-Utr"), ("Cipete Utr.", "abbr-Utr.")],
        "Cipete Selatan": [("Cipete Sel.", "abbr-Sel.")],
        "Gandaria Utara": [("Gandaria Utr.", "abbr-Utr.")],
        "Gandaria Selatan": [("Gandaria Sel", "abbr-Sel")],
        "Cilandak Barat": [("Cilandak Brt", "abbr-Brt"), ("Cilandak Bar.", "abbr-Bar.")],
        "Cilandak Timur": [("Cilandak Tim.", "abbr-Tim."), ("Cilandak Tmr", "abbr-Tmr")],
        "Pejaten Timur": [("Pejaten Tmr", "abbr-Tmr"), ("Pejaten Tim.", "abbr-Tim.")],
        "Pejaten Barat": [("Pejaten Brt.", "abbr-Brt."), ("Pejaten Bart", "typo")],
        "Petukangan Utara": [("Petukangan Utr", "abbr-Utr")],
        "Petukangan Selatan": [("Petukangan Sel.", "abbr-Sel.")],
        "Grogol Selatan": [("Grogol Sel.", "abbr-Sel.")],
        "Grogol Utara": [("Grogol Utr.", "abbr-Utr.")],
        "Kuningan Timur": [("Kuningan Tim.", "abbr-Tim.")],
        "Kuningan Barat": [("Kuningan Brt", "abbr-Brt")],
        "Tebet Timur": [("Tebet Tmr.", "abbr-Tmr.")],
        "Tebet Barat": [("Tebet Brt", "abbr-Brt")],
        "Srengseng Sawah": [("Srengseng Swh", "abbr-Swh"), ("Srengsengsawah", "spacing")],
        "Lenteng Agung": [("Lentengagung", "spacing"), ("Lenteng Agong", "typo")],
        "Mampang Prapatan_kel": [],
        "Karet Kuningan": [("Karet Kuningn", "typo")],
        "Karet Semanggi": [("Karet Smanggi", "typo")],
        "Petogogan": [("Petogokan", "typo")],
        "Kebagusan": [("Kebagusn", "typo")],
        "Ciganjur": [("Ciganjor", "typo")],
        "Pesanggrahan_kel": [],
    }


PLACE_VARIANTS = place_name_variants()


def vary_place(rng, name, level, prob, flavour):
    """A written form of an official South Jakarta place, valid; returns (text, tags)."""
    tags = []
    text = name
    r = rng.random()
    if r < prob:
        opts = PLACE_VARIANTS.get(name, [])
        kind = rng.random()
        if opts and kind < 0.6:
            text, t = rng.choice(opts)
            tags.append("place:" + t)
        elif kind < 0.7:
            text = name.upper()
            tags.append("place:upper")
        elif kind < 0.8:
            text = name.lower()
            tags.append("place:lower")
        elif kind < 0.9:
            pre = rng.choice(["Kel. ", "Kel ", "Kelurahan ", "KEL. "] if level == "kel" else
                             ["Kec. ", "Kec ", "Kecamatan ", "KEC. "])
            text = pre + name
            tags.append("place:prefix-" + pre.strip().rstrip(".").lower())
        else:
            text = "  " + name.replace(" ", "  ") + " "
            tags.append("place:extra-spaces")
    if flavour in ("utf8", "json") and rng.random() < 0.04:
        text = text.replace(" ", NBSP, 1) if " " in text else text + NBSP
        tags.append("place:nbsp")
    return text, tags


# ---------------------------------------------------------------------------
# value renderers (valid forms)

def nik_form(rng, nik, style):
    if style == "plain":
        return nik, "nik:plain"
    if style == "spaced":
        return "%s %s %s %s" % (nik[:4], nik[4:8], nik[8:12], nik[12:]), "nik:spaced"
    if style == "dotted":
        return "%s.%s.%s.%s.%s" % (nik[:2], nik[2:4], nik[4:6], nik[6:12], nik[12:]), "nik:dotted"
    if style == "dashed":
        return "%s-%s-%s" % (nik[:6], nik[6:12], nik[12:]), "nik:dashed"
    if style == "apos":
        return "'" + nik, "nik:excel-apostrophe"
    raise ValueError(style)


def phone_form(rng, local, style):
    d = local
    if style == "plain":
        return d, "phone:plain"
    if style == "dash":
        return "%s-%s-%s" % (d[:4], d[4:8], d[8:]), "phone:dashes"
    if style == "space":
        return "%s %s %s" % (d[:4], d[4:8], d[8:]), "phone:spaces"
    if style == "+62":
        return "+62 %s-%s-%s" % (d[1:4], d[4:8], d[8:]), "phone:+62-spaced"
    if style == "+62c":
        return "+62" + d[1:], "phone:+62-compact"
    if style == "62":
        return "62" + d[1:], "phone:62-no-plus"
    if style == "8":
        return d[1:], "phone:leading-zero-lost"
    if style == "wa":
        return "%s (WA)" % d, "phone:suffix-(WA)"
    if style == "dots":
        return "%s.%s.%s" % (d[:4], d[4:8], d[8:]), "phone:dots"
    raise ValueError(style)


def honorific_name(rng, p):
    """Name with title/degree decorations; returns (text, tag)."""
    name = p.name
    if p.gender == "P":
        pre = rng.choice(["Ibu ", "Ibu ", "Bu ", "Hj. ", "Ny. ", "Ibu Hj. ", "Sdri. "])
    else:
        pre = rng.choice(["Bapak ", "Bpk. ", "Pak ", "H. ", "Bpk. H. ", "Sdr. "])
    post = rng.choice(["", "", ", S.E.", " S.Pd", ", S.Kom.", ", S.Pd.I", " SE", ", A.Md.", ", S.E., M.M."])
    if rng.random() < 0.5:
        return pre + name + post, "name:honorific" + ("+degree" if post else "")
    return name + (post or ", S.E."), "name:degree"


# ---------------------------------------------------------------------------
# quirks: each mutates a record, marks truth.  Kinds are dealt round-robin (shuffled
# per round) so every kind appears about equally often.

class Cycler:
    def __init__(self):
        self.queues = {}

    def pick(self, rng, key, options):
        q = self.queues.get(key)
        if not q:
            q = list(options)
            rng.shuffle(q)
            self.queues[key] = q
        return q.pop()


CYC = Cycler()

def q_nik_invalid(rng, r, kind=None):
    nik = r.p.nik
    kind = kind or CYC.pick(rng, "nik-bad", ["15", "17", "sci-comma", "sci-dot", "letterO", "dd00", "dd35", "mm13",
                                             "mm00", "feb30", "region-11", "region-99", "float-suffix"])
    if kind == "15":
        r.f["nik"] = nik[:7] + nik[8:]
        r.bad("nik-format", "nik:15-digits")
    elif kind == "17":
        r.f["nik"] = nik + str(rng.randint(0, 9))
        r.bad("nik-format", "nik:17-digits")
    elif kind == "sci-comma":
        r.f["nik"] = "%s,%sE+15" % (nik[0], nik[1:6])
        r.bad("nik-format", "nik:excel-scientific")
    elif kind == "sci-dot":
        r.f["nik"] = "%s.%sE+15" % (nik[0], nik[1:6])
        r.bad("nik-format", "nik:excel-scientific")
    elif kind == "letterO":
        i = nik.index("0", 4) if "0" in nik[4:] else 5
        r.f["nik"] = nik[:i] + "O" + nik[i + 1:]
        r.bad("nik-format", "nik:letter-O-for-zero")
    elif kind == "dd00":
        r.f["nik"] = nik[:6] + "00" + nik[8:]
        r.bad("nik-format", "nik:impossible-date-day00")
    elif kind == "dd35":
        r.f["nik"] = nik[:6] + "35" + nik[8:]
        r.bad("nik-format", "nik:impossible-date-day35")
    elif kind == "mm13":
        r.f["nik"] = nik[:8] + "13" + nik[10:]
        r.bad("nik-format", "nik:impossible-date-month13")
    elif kind == "mm00":
        r.f["nik"] = nik[:8] + "00" + nik[10:]
        r.bad("nik-format", "nik:impossible-date-month00")
    elif kind == "feb30":
        dd = 30 + (40 if r.p.gender == "P" else 0)
        r.f["nik"] = nik[:6] + "%02d02" % dd + nik[10:]
        r.bad("nik-format", "nik:impossible-date-feb30")
    elif kind == "region-11":
        r.f["nik"] = "317411" + nik[6:]
        r.bad("nik-format", "nik:nonexistent-kecamatan-317411")
    elif kind == "region-99":
        r.f["nik"] = "9971" + nik[4:]
        r.bad("nik-format", "nik:nonexistent-province-99")
    elif kind == "float-suffix":
        r.f["nik"] = nik + ".0"
        r.bad("nik-format", "nik:float-suffix-.0")
        r.debate("pandas/float '.0' suffix: 17 digits once dots are removed (brief's rule), though the NIK is intact")


def q_nik_valid_odd(rng, r, kind=None):
    nik = r.p.nik
    kind = kind or CYC.pick(rng, "nik-odd", ["excel-last0", "nonDKI", "nbsp", "placeholder", "trailing", "feb29-2000",
                                             "curly-apos", "nonDKI"])
    r.exp["nik"] = nik
    if kind == "excel-last0":
        r.f["nik"] = nik[:15] + "0"
        r.exp["nik"] = nik[:15] + "0"
        r.tag("nik:excel-15-digit-precision(last digit 0)")
    elif kind == "nonDKI":
        code = rng.choice(["320101", "327601", "367101", "337201", "320402", "351505"])  # Bogor, Depok, Tangerang, Solo, Bandung kab, Sidoarjo
        r.f["nik"] = code + nik[6:]
        r.exp["nik"] = code + nik[6:]
        r.tag("nik:real-region-outside-DKI")
        r.debate("NIK from a real kabupaten outside DKI (16 digits, real code): valid by the brief's rule")
    elif kind == "nbsp":
        r.f["nik"] = nik[:4] + NBSP + nik[4:8] + NBSP + nik[8:12] + NBSP + nik[12:]
        r.tag("nik:nbsp-separated")
    elif kind == "placeholder":
        r.f["nik"] = rng.choice(["-", "belum ada", "tidak ada", "0", "--"])
        r.exp["nik"] = None
        r.tag("nik:placeholder")
    elif kind == "trailing":
        r.f["nik"] = nik + rng.choice([" ", "  ", "\t"])
        r.tag("nik:trailing-space")
    elif kind == "curly-apos":
        r.f["nik"] = "\u2019" + nik
        r.tag("nik:curly-apostrophe-prefix")
        r.debate("typographic apostrophe (autocorrect) instead of Excel's straight one")
    elif kind == "feb29-2000":
        dd = 29 + (40 if r.p.gender == "P" else 0)
        r.f["nik"] = nik[:6] + "%02d0200" % dd + nik[12:]
        r.exp["nik"] = r.f["nik"]
        r.tag("nik:feb29-year00(leap 2000)")


def q_phone_invalid(rng, r, kind=None):
    d = r.p.phone_local
    kind = kind or CYC.pick(rng, "phone-bad", ["short", "long", "sci", "foreign", "foreign", "foreign", "foreign00", "letter"])
    if kind == "short":
        r.f["phone"] = d[:rng.choice([5, 6, 7])]
        r.bad("phone-format", "phone:too-short")
    elif kind == "long":
        r.f["phone"] = d + "".join(rng.choice("0123456789") for _ in range(4))
        r.bad("phone-format", "phone:too-long")
    elif kind == "sci":
        r.f["phone"] = "6,2%sE+12" % d[1:5]
        r.bad("phone-format", "phone:excel-scientific")
    elif kind == "foreign":
        num, tag = CYC.pick(rng, "foreign-cc", [("+60 12-%s %s" % (d[4:7], d[7:11]), "MY"), ("+65 9%s %s" % (d[4:7], d[7:11]), "SG"),
                               ("+852 9%s %s" % (d[4:7], d[7:11]), "HK"), ("+886 9%s %s %s" % (d[3:5], d[5:8], d[8:11]), "TW"),
                               ("+966 50 %s %s" % (d[4:7], d[7:11]), "SA"), ("+61 4%s %s %s" % (d[3:5], d[5:8], d[8:11]), "AU"),
                               ("+1 (415) %s-%s" % (d[4:7], d[7:11]), "US")])
        r.f["phone"] = num
        r.bad("phone-indonesian", "phone:foreign-+" + tag)
    elif kind == "foreign00":
        r.f["phone"] = "0060 12 %s %s" % (d[4:7], d[7:11])
        r.bad("phone-indonesian", "phone:foreign-00-prefix-MY")
    elif kind == "letter":
        i = d.index("5") if "5" in d[4:] else 6
        r.f["phone"] = d[:4] + "-" + d[4:8].replace("5", "S").replace("0", "O").replace("1", "l") + "-" + d[8:]
        if r.f["phone"].replace("-", "") == d:
            r.f["phone"] = d[:6] + "l" + d[7:]
        r.bad("phone-format", "phone:letters-for-digits")


def q_phone_valid_odd(rng, r, kind=None):
    d = r.p.phone_local
    d2 = rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))
    land = "021" + rng.choice(["7", "8", "5", "2"]) + "".join(rng.choice("0123456789") for _ in range(rng.choice([6, 7])))
    kind = kind or CYC.pick(rng, "phone-odd", ["two-slash", "two-comma", "two-atau", "plus0", "wrapped-LRE", "landline",
                                               "landline-dash", "endash", "label", "nbsp", "an-suami", "wa-prefix"])
    r.exp["phones"] = [e164(d)]
    if kind == "two-slash":
        r.f["phone"] = "%s / %s" % (d, d2)
        r.exp["phones"] = [e164(d), e164(d2)]
        r.tag("phone:two-numbers-slash")
    elif kind == "two-comma":
        r.f["phone"] = "%s, %s" % (d, d2)
        r.exp["phones"] = [e164(d), e164(d2)]
        r.tag("phone:two-numbers-comma")
    elif kind == "two-atau":
        r.f["phone"] = "%s atau %s" % (d, d2)
        r.exp["phones"] = [e164(d), e164(d2)]
        r.tag("phone:two-numbers-atau")
    elif kind == "plus0":
        r.f["phone"] = "+62 (0)%s %s %s" % (d[1:4], d[4:8], d[8:])
        r.tag("phone:+62-(0)")
    elif kind == "wrapped-LRE":
        r.f["phone"] = LRE + "+62 %s-%s-%s" % (d[1:4], d[4:8], d[8:]) + PDF
        r.tag("phone:whatsapp-copied-LRE-PDF")
    elif kind == "landline":
        r.f["phone"] = "(021) %s %s" % (land[3:6], land[6:])
        r.exp["phones"] = [e164(land)]
        r.tag("phone:landline-(021)")
    elif kind == "landline-dash":
        r.f["phone"] = "021-%s" % land[3:]
        r.exp["phones"] = [e164(land)]
        r.tag("phone:landline-021-")
    elif kind == "endash":
        r.f["phone"] = "%s\u2013%s\u2013%s" % (d[:4], d[4:8], d[8:])
        r.tag("phone:en-dash")
    elif kind == "label":
        r.f["phone"] = rng.choice(["HP: %s", "Hp. %s", "Telp %s", "WA: %s"]) % d
        r.tag("phone:label-prefix")
    elif kind == "nbsp":
        r.f["phone"] = "%s%s%s%s%s" % (d[:4], NBSP, d[4:8], NBSP, d[8:])
        r.tag("phone:nbsp")
    elif kind == "an-suami":
        r.f["phone"] = "%s (a.n. %s)" % (d, rng.choice(["suami", "anak", "istri"]))
        r.tag("phone:note-a.n.")
    elif kind == "wa-prefix":
        r.f["phone"] = "wa.me/62" + d[1:]
        r.tag("phone:wa.me-link")
        r.debate("a wa.me link holds a whole number: treated as valid")


def q_email_invalid(rng, r, kind=None):
    e = r.p.email
    user, dom = e.split("@")
    kind = kind or CYC.pick(rng, "email-bad", ["no-tld", "comma", "space", "no-at", "no-local", "two-at"])
    if kind == "no-tld":
        r.f["email"] = "%s@%s" % (user, dom.split(".")[0])
        r.bad("email-format", "email:no-tld")
    elif kind == "comma":
        r.f["email"] = e.replace(".", ",", 1) if "." in dom else e + ",com"
        r.f["email"] = "%s@%s" % (user, dom.replace(".", ",", 1))
        r.bad("email-format", "email:comma-for-dot")
    elif kind == "space":
        r.f["email"] = "%s @%s" % (user, dom) if rng.random() < 0.5 else "%s@%s .com" % (user, dom.split(".")[0])
        r.bad("email-format", "email:space-inside")
    elif kind == "no-at":
        r.f["email"] = "%s%s" % (user, dom)
        r.bad("email-format", "email:no-@")
    elif kind == "no-local":
        r.f["email"] = "@" + dom
        r.bad("email-format", "email:no-local-part")
    elif kind == "two-at":
        r.f["email"] = "%s@@%s" % (user, dom)
        r.bad("email-format", "email:double-@")


def q_email_valid_odd(rng, r, kind=None):
    e = r.p.email
    kind = kind or CYC.pick(rng, "email-odd", ["upper", "trailing", "placeholder", "placeholder2", "mailto"])
    r.exp["email"] = e
    if kind == "upper":
        r.f["email"] = e[0].upper() + e[1:].replace("@example", "@Example")
        r.tag("email:mixed-case")
    elif kind == "trailing":
        r.f["email"] = " " + e + " "
        r.tag("email:surrounding-spaces")
    elif kind == "placeholder":
        r.f["email"] = rng.choice(["-", "tidak ada", "belum ada", "Tidak Ada"])
        r.exp["email"] = None
        r.tag("email:placeholder-known")
    elif kind == "placeholder2":
        r.f["email"] = rng.choice(["tidak punya", "gak ada", "blm punya", "tdk ada", "none"])
        r.exp["email"] = None
        r.tag("email:placeholder-colloquial")
        r.debate("colloquial 'no e-mail' answer: a placeholder, so missing (valid)")
    elif kind == "mailto":
        r.f["email"] = "mailto:" + e
        r.tag("email:mailto-prefix")
        r.debate("mailto: prefix pasted from a link: the address is well formed")


def q_name_missing(rng, r, flavour="utf8"):
    opts = ["", "-", "   ", ".", "--", "Ibu", "Bpk."]
    if flavour in ("utf8", "json"):
        opts += [ZWSP, NBSP, "\u2013"]
    v = CYC.pick(rng, "name-missing-" + flavour, opts)
    if v in ("Ibu", "Bpk."):
        r.f["name"] = v
        r.exp["name"] = None
        r.bad("required-name", "name:honorific-only")
        r.debate("only an honorific, no name: missing by the spirit of the rule")
        return
    r.f["name"] = v
    r.exp["name"] = None
    r.bad("required-name", "name:missing-" + {"": "empty", "-": "dash", "   ": "spaces", ".": "dot", "--": "dashes",
                                              ZWSP: "zero-width-space", NBSP: "nbsp", "\u2013": "en-dash"}[v])


def q_name_valid_odd(rng, r, flavour="utf8"):
    kinds = ["upper", "lower", "honorific", "honorific", "trailing", "double-space", "muhammad", "apostrophe",
             "business-paren"]
    if flavour in ("utf8", "json"):
        kinds += ["nbsp", "zwsp", "emoji", "shy"]
    elif flavour == "cp1252":
        kinds += ["nbsp", "curly-apostrophe"]
    k = CYC.pick(rng, "name-odd-" + flavour, kinds)
    n = r.p.name
    if k == "upper":
        r.f["name"] = n.upper(); r.tag("name:upper")
    elif k == "lower":
        r.f["name"] = n.lower(); r.tag("name:lower")
    elif k == "honorific":
        r.f["name"], t = honorific_name(rng, r.p); r.tag(t)
    elif k == "trailing":
        r.f["name"] = n + "  "; r.tag("name:trailing-spaces")
    elif k == "double-space":
        r.f["name"] = n.replace(" ", "  ") if " " in n else " " + n; r.tag("name:double-spaces")
    elif k == "muhammad":
        r.f["name"] = rng.choice(["M. ", "Moh. ", "Muhamad ", "Mohammad "]) + n.split(" ")[-1]; r.tag("name:muhammad-variant")
        r.exp["name"] = None
    elif k == "apostrophe":
        r.f["name"] = n.split(" ")[0] + " " + rng.choice(["Ma'ruf", "Nur'aini", "Syafi'i", "Qur'ani"]); r.tag("name:apostrophe")
        r.exp["name"] = r.f["name"]
    elif k == "curly-apostrophe":
        r.f["name"] = n.split(" ")[0] + " " + rng.choice(["Ma\u2019ruf", "Nur\u2019aini"]); r.tag("name:curly-apostrophe")
        r.exp["name"] = None
    elif k == "business-paren":
        r.f["name"] = "%s (%s)" % (n, rng.choice(["Kue Basah", "Katering", "Jahit", "Warung Bu %s" % n.split()[0]]))
        r.tag("name:business-in-parentheses")
        r.exp["name"] = None
    elif k == "nbsp":
        r.f["name"] = n.replace(" ", NBSP) if " " in n else n + NBSP; r.tag("name:nbsp")
    elif k == "zwsp":
        r.f["name"] = n + ZWSP; r.tag("name:zero-width-space")
    elif k == "emoji":
        r.f["name"] = n + " " + rng.choice(["\U0001F338", "\U0001F64F", "\u2764\ufe0f", "\U0001F60A"]); r.tag("name:emoji")
        r.exp["name"] = None
    elif k == "shy":
        r.f["name"] = n[:3] + SHY + n[3:]; r.tag("name:soft-hyphen")


def q_birth_invalid(rng, r, style, kind=None):
    b = r.p.birth
    ref = r.train or TODAY
    kind = kind or CYC.pick(rng, "birth-bad", ["feb31", "feb29-nonleap", "apr31", "future", "young", "old", "month13",
                                               "day00", "1900"])
    if style == "mdy" and kind == "month13":
        kind = "feb31"
    if kind == "feb31":
        r.f["birthDate"] = {"iso": "%d-02-31" % b.year}.get(style, "31/02/%d" % b.year)
        r.bad("birth-date-real", "birth:not-a-real-day-31-Feb")
    elif kind == "feb29-nonleap":
        y = rng.choice([1983, 1985, 1987, 1989, 1991, 1993, 1995, 1997])
        r.f["birthDate"] = {"iso": "%d-02-29" % y, "long": "29 Februari %d" % y}.get(style, "29/02/%d" % y)
        r.bad("birth-date-real", "birth:not-a-real-day-29-Feb-non-leap")
    elif kind == "apr31":
        r.f["birthDate"] = {"iso": "%d-04-31" % b.year, "long": "31 April %d" % b.year}.get(style, "31/04/%d" % b.year)
        r.bad("birth-date-real", "birth:not-a-real-day-31-Apr")
    elif kind == "month13":
        r.f["birthDate"] = "%02d/13/%d" % (rng.randint(1, 12), b.year)
        r.bad("birth-date-real", "birth:month-13")
        r.debate("dd/13/yyyy in a day-first sheet: impossible as written, possible if the writer used month/day")
    elif kind == "day00":
        r.f["birthDate"] = "00/%02d/%d" % (b.month, b.year)
        r.bad("birth-date-real", "birth:day-00")
    elif kind == "future":
        d = dt.date(TODAY.year + rng.randint(1, 6), rng.randint(1, 12), rng.randint(1, 28))
        r.f["birthDate"], t = fmt_date(rng, d, style if style not in ("ttl", "serial", "2y") else "dmy/")
        r.bad("age-range", "birth:future")
    elif kind == "young":
        a = rng.choice([3, 6, 8, 9])
        d = dt.date(ref.year - a, rng.randint(1, 12), rng.randint(1, 28))
        if age_at(d, ref) >= 10:
            d = dt.date(ref.year - 9, ref.month, 1) + dt.timedelta(days=20)
        r.f["birthDate"], t = fmt_date(rng, d, style if style not in ("2y",) else "dmy/")
        r.bad("age-range", "birth:age-under-10")
    elif kind == "old":
        a = rng.choice([102, 105, 114])
        d = dt.date(ref.year - a, rng.randint(1, 12), rng.randint(1, 28))
        r.f["birthDate"], t = fmt_date(rng, d, style if style not in ("2y",) else "dmy/")
        r.bad("age-range", "birth:age-over-100")
    elif kind == "1900":
        r.f["birthDate"] = "01/01/1900"
        r.bad("age-range", "birth:01-01-1900-placeholder")


def boundary_births(train):
    """Birth dates around the 10-100 limits at the training date: (date, valid at training?)."""
    def minus_years(d, n):
        return d.replace(year=d.year - n)
    return [(minus_years(train, 10) + dt.timedelta(days=1), False),   # 9 then, 10+ today
            (minus_years(train, 10), True),                            # 10 on the day
            (minus_years(train, 100), True),                           # 100 then, 101+ today
            (minus_years(train, 101), False)]                          # 101 then


def boundary_rec(rng, regions, people, fields, train, b, ok, where, text):
    r = build(rng, regions, people, Style(fields=fields, q=0, bad=0), train=train)
    r.f["birthDate"] = text
    r.exp["birthDate"] = b.isoformat()
    r.tag("age:boundary-%s-%s(age_%d_then,%d_today)" % (where, "ok" if ok else "invalid", age_at(b, train), age_at(b, TODAY)))
    if not ok:
        r.invalid.append("age-range")
        r.bad_tags.append(r.tags[-1])
    return r


def apply_birth(rng, r, style):
    t, tag = fmt_date(rng, r.p.birth, style)
    r.f["birthDate"] = t
    r.exp["birthDate"] = r.p.birth.isoformat()
    r.tag(tag)


def q_place_invalid(rng, r, regions, fl, which=None):
    kinds = ["out-kel", "outside-dki", "unknown", "near-miss-out", "near-miss-out"]
    if "kecamatan" in fl:
        kinds += ["out-kec", "out-kec-south-kel"]
    kind = which or CYC.pick(rng, "place-bad-%d" % len(kinds), kinds)
    r.exp["kelurahanCode"] = None
    r.exp["kecamatanCode"] = None
    if kind == "out-kel":
        c, n, p = rng.choice(regions.out_kel)
        r.f["kelurahan"] = n
        r.f["kecamatan"] = regions.kec[p] if rng.random() < 0.6 else ""
        r.exp["kelurahanCode"] = c
        r.exp["kecamatanCode"] = p if r.f["kecamatan"] else None
        r.bad("place-in-area", "place:outside-area-kelurahan")
    elif kind == "out-kec":
        c, n = rng.choice(sorted(regions.out_kec.items()))
        r.f["kecamatan"] = n
        r.f["kelurahan"] = ""
        r.exp["kecamatanCode"] = c
        r.bad("place-in-area", "place:outside-area-kecamatan")
    elif kind == "out-kec-south-kel":
        # a South Jakarta kelurahan with an East Jakarta kecamatan next door
        kel, kec, code = rng.choice([("Kalibata", "Kramatjati", "31.75.04"), ("Rawajati", "Kramat Jati", "31.75.04"),
                                      ("Tebet Timur", "Jatinegara", "31.75.03"), ("Bukit Duri", "Jatinegara", "31.75.03"),
                                      ("Ulujami", "Kebon Jeruk", "31.73.05"), ("Karet Semanggi", "Tanah Abang", "31.71.07")])
        r.f["kelurahan"] = kel
        r.f["kecamatan"] = kec
        r.exp["kecamatanCode"] = code
        r.bad("place-in-area", "place:south-kelurahan+outside-kecamatan")
    elif kind == "outside-dki":
        kel, kec = rng.choice([("Ciputat", "Ciputat"), ("Pamulang Barat", "Pamulang"), ("Cinere", "Cinere"),
                               ("Pondok Aren", "Pondok Aren"), ("Sawangan", "Sawangan"), ("Bekasi Jaya", "Bekasi Timur"),
                               ("Pondok Cabe Ilir", "Pamulang"), ("Rempoa", "Ciputat Timur"), ("Jurangmangu Barat", "Pondok Aren")])
        r.f["kelurahan"] = kel
        r.f["kecamatan"] = kec
        r.bad("place-known", "place:outside-DKI")
    elif kind == "unknown":
        r.f["kelurahan"] = rng.choice(["Perumahan Griya Asri", "Kel. 05", "Komplek Polri", "Gang Mawar", "asdf",
                                       "Kp. Pulo Cilandak"])
        r.f["kecamatan"] = r.f.get("kecamatan", "")
        r.bad("place-known", "place:not-a-place")
    elif kind == "near-miss-out":
        # real outside-area places that look like South Jakarta ones
        kel, kec, code, tag = rng.choice([
            ("Kramat", "Senen", "31.71.04", "Kramat(Central)~Kramat Pela"),
            ("Menteng", "Menteng", "31.71.06", "Menteng(Central)~Menteng Dalam"),
            ("Karet Tengsin", "Tanah Abang", "31.71.07", "Karet Tengsin(Central)~Karet"),
            ("Grogol", "Grogol Petamburan", "31.73.02", "Grogol(West)~Grogol Utara"),
            ("Srengseng", "Kembangan", "31.73.08", "Srengseng(West)~Srengseng Sawah"),
            ("Cawang", "Kramatjati", "31.75.04", "Cawang(East)~Kalibata"),
            ("Duren Sawit", "Duren Sawit", "31.75.07", "Duren Sawit(East)~Duren Tiga"),
            ("Pondok Bambu", "Duren Sawit", "31.75.07", "Pondok Bambu(East)~Pondok Labu"),
            ("Rawa Bunga", "Jatinegara", "31.75.03", "Rawa Bunga(East)~Rawa Barat"),
            ("Senen", "Senen", "31.71.04", "Senen(Central)~Senayan"),
            ("Tanjung Duren Selatan", "Grogol Petamburan", "31.73.02", "Tanjung Duren(West)~Tanjung Barat"),
            ("Pulo Gadung", "Pulogadung", "31.75.02", "Pulo Gadung(East)~Pulo"),
            ("Kebon Jeruk", "Kebon Jeruk", "31.73.05", "Kebon Jeruk(West)~Kebon Baru"),
            ("Pasar Baru", "Sawah Besar", "31.71.02", "Pasar Baru(Central)~Pasar Minggu"),
            ("Bidara Cina", "Jatinegara", "31.75.03", "Bidara Cina(East)~Tebet"),
            ("Balekambang", "Kramatjati", "31.75.04", "Balekambang(East)~Pasar Minggu"),
            ("Meruya Utara", "Kembangan", "31.73.08", "Meruya(West)~Ulujami"),
            ("Kramat Jati", "Kramat Jati", "31.75.04", "Kramat_Jati-spaced(East)~Rawajati/Kramat_Pela"),
            ("Kalibaru", "Cilincing", "31.72.04", "Kalibaru(North)~Kalibata"),
            ("Jati", "Pulogadung", "31.75.02", "Jati(East)~Jati_Padang"),
            ("Pondok Kelapa", "Duren Sawit", "31.75.07", "Pondok_Kelapa(East)~Pondok_Labu"),
            ("Setu", "Cipayung", "31.75.10", "Setu(East)~Setia_Budi"),
            ("Kampung Melayu", "Jatinegara", "31.75.03", "Kampung_Melayu(East)~Tebet"),
            ("Kelapa Dua", "Kebon Jeruk", "31.73.05", "Kelapa_Dua(West)"),
            ("Cipinang Melayu", "Makasar", "31.75.08", "Cipinang_Melayu(East)"),
            ("Gedong", "Pasar Rebo", "31.75.05", "Gedong(East)~Gunung"),
            ("Tanjung Priok", "Tanjung Priok", "31.72.02", "Tanjung_Priok(North)~Tanjung_Barat"),
        ])
        r.f["kelurahan"] = kel
        r.f["kecamatan"] = kec if rng.random() < 0.5 else ""
        r.bad("place-in-area", "place:near-miss-outside-area")
        r.tag("place:nm:" + tag)


def q_place_valid_odd(rng, r, regions, flavour, fl):
    kinds = ["cilandak-timur", "kota-suffix", "rt-rw", "kel+kec-one-cell", "kec-as-kel", "colloquial"]
    if "kecamatan" in fl:
        kinds += ["wrong-kec-south", "mampang", "jaksel-kec"]
    if flavour == "json":
        kinds += ["code", "code"]
    kind = CYC.pick(rng, "place-odd-%s-%d" % (flavour, len(kinds)), kinds)
    p = r.p
    if kind == "wrong-kec-south":
        oc, other = rng.choice([(c, n) for c, n in regions.south_kec.items() if c != p.kec_code])
        r.f["kecamatan"] = other
        r.exp["kecamatanCode"] = oc
        r.tag("place:kelurahan-not-in-stated-kecamatan(both South)")
    elif kind == "cilandak-timur":
        c, n, k = regions.kel_by_name("Cilandak Timur")
        r.f["kelurahan"], r.f["kecamatan"] = "Cilandak Timur", "Cilandak"
        r.exp["kelurahanCode"] = c
        r.exp["kecamatanCode"] = "31.74.06" if "kecamatan" in fl else "31.74.04"
        r.tag("place:Cilandak-Timur-with-kec-Cilandak")
    elif kind == "kota-suffix":
        r.f["kelurahan"] = p.kel + rng.choice([", Jakarta Selatan", " - Jaksel", " (Jakarta Selatan)", ", Jaksel"])
        r.tag("place:kota-suffix")
    elif kind == "rt-rw":
        r.f["kelurahan"] = p.kel + rng.choice([" RT 05/RW 03", " RT.007 RW.002", " rt 3 rw 11"])
        r.tag("place:rt-rw-appended")
        r.debate("RT/RW appended to the kelurahan: the kelurahan is real")
    elif kind == "kel+kec-one-cell":
        r.f["kelurahan"] = "%s, %s" % (p.kel, rng.choice([p.kec, "Kec. " + p.kec]))
        r.tag("place:kelurahan+kecamatan-in-one-cell")
    elif kind == "code":
        r.f["kelurahan"] = p.kel_code if rng.random() < 0.5 else p.kel_code.replace(".", "")
        r.tag("place:kelurahan-as-code" + ("-dotted" if "." in r.f["kelurahan"] else "-plain"))
        r.debate("kelurahan given as its official code")
    elif kind == "kec-as-kel":
        # the kecamatan name written in the kelurahan column (and kecamatan left blank)
        kec = rng.choice(["Tebet", "Cilandak", "Setiabudi", "Kebayoran Baru", "Kebayoran Lama"])
        r.f["kelurahan"] = kec
        r.f["kecamatan"] = ""
        r.exp["kelurahanCode"] = None
        r.exp["kecamatanCode"] = None
        r.tag("place:kecamatan-name-in-kelurahan-column")
        r.debate("kecamatan name (not a kelurahan) in the kelurahan column: real South Jakarta place")
    elif kind == "mampang":
        c, n, k = regions.kel_by_name(rng.choice(["Bangka", "Pela Mampang", "Tegal Parang"]))
        r.f["kelurahan"], r.f["kecamatan"] = n, "Mampang"
        r.exp["kelurahanCode"] = c
        r.exp["kecamatanCode"] = "31.74.03"
        r.tag("place:kecamatan-Mampang-short")
    elif kind == "jaksel-kec":
        r.f["kecamatan"] = rng.choice(["Jakarta Selatan", "Jaksel", "JAKSEL"])
        r.exp["kecamatanCode"] = None
        r.tag("place:kota-in-kecamatan-column")
        r.debate("kota name in the kecamatan column")
    elif kind == "colloquial":
        kel, real = rng.choice([("Kemang", "Bangka"), ("Blok M", "Melawai"), ("Pondok Indah", "Pondok Pinang"),
                                ("Bintaro Sektor 1", "Bintaro")])
        r.f["kelurahan"] = kel
        r.exp["kelurahanCode"] = None
        r.debate("a well-known neighbourhood, not a kelurahan: invalid by the strict rule")
        r.bad("place-known", "place:neighbourhood-name-" + kel.replace(" ", "-"))


# ---------------------------------------------------------------------------
# base record construction


class Style:
    def __init__(self, **kw):
        self.nik = kw.get("nik", ["plain"])
        self.phone = kw.get("phone", ["plain"])
        self.date = kw.get("date", ["dmy/"])
        self.flavour = kw.get("flavour", "utf8")
        self.place_prob = kw.get("place_prob", 0.35)
        self.honor = kw.get("honor", 0.15)
        self.q = kw.get("q", 0.35)          # probability of one odd-but-valid quirk per field family
        self.bad = kw.get("bad", 0.12)       # probability of an invalid quirk
        self.fields = kw.get("fields", ["name", "nik", "phone", "email", "birthDate", "gender", "kelurahan", "kecamatan"])
        self.blank = kw.get("blank", 0.08)   # chance a non-name field is left empty


GENDER_FORMS = {"L": ["L", "Laki-laki", "Laki-Laki", "LK", "Pria", "laki laki"],
                "P": ["P", "Perempuan", "PR", "Wanita", "perempuan"]}


def build(rng, regions, people, style, train=None, used=None):
    p = rng.choice(people)
    r = Rec(p, train)
    fl = style.fields
    r.exp.update(name=p.name, nik=p.nik if "nik" in fl else None,
                 phones=[e164(p.phone_local)] if "phone" in fl else [],
                 email=p.email if "email" in fl else None,
                 birthDate=p.birth.isoformat() if "birthDate" in fl else None,
                 kelurahanCode=p.kel_code if "kelurahan" in fl else None,
                 kecamatanCode=p.kec_code if "kecamatan" in fl else None)
    if "name" in fl:
        if rng.random() < style.honor:
            r.f["name"], t = honorific_name(rng, p)
            r.tag(t)
        else:
            r.f["name"] = p.name
    if "nik" in fl:
        if rng.random() < style.blank * 2:
            r.f["nik"] = ""
            r.exp["nik"] = None
        else:
            r.f["nik"], t = nik_form(rng, p.nik, rng.choice(style.nik))
            r.tag(t)
    if "phone" in fl:
        if rng.random() < style.blank:
            r.f["phone"] = ""
            r.exp["phones"] = []
        else:
            r.f["phone"], t = phone_form(rng, p.phone_local, rng.choice(style.phone))
            r.tag(t)
    if "email" in fl:
        if rng.random() < 0.3:
            r.f["email"] = ""
            r.exp["email"] = None
        else:
            r.f["email"] = p.email
    if "birthDate" in fl:
        if rng.random() < style.blank:
            r.f["birthDate"] = ""
            r.exp["birthDate"] = None
        else:
            apply_birth(rng, r, rng.choice(style.date))
    if "gender" in fl:
        r.f["gender"] = rng.choice(GENDER_FORMS[p.gender])
    if "kelurahan" in fl:
        r.f["kelurahan"], t = vary_place(rng, p.kel, "kel", style.place_prob, style.flavour)
        for x in t:
            r.tag(x)
    if "kecamatan" in fl:
        if rng.random() < style.blank:
            r.f["kecamatan"] = ""
            r.exp["kecamatanCode"] = None
        else:
            r.f["kecamatan"], t = vary_place(rng, p.kec, "kec", style.place_prob, style.flavour)
            for x in t:
                r.tag("kec-" + x)
    if "sector" in fl:
        r.f["sector"] = p.sector
    if "address" in fl:
        r.f["address"] = "Jl. %s %s No. %d RT %03d/RW %03d" % (
            rng.choice(["H.", "Raya", "Gg.", "Kp."]), rng.choice(["Nawi", "Mawar", "Melati", "Kenanga", "Haji Saidi", "Kemuning"]),
            rng.randint(1, 120), rng.randint(1, 15), rng.randint(1, 12))
    # odd but valid forms
    if rng.random() < style.q:
        fams = [f for f in ["name", "nik", "phone", "email", "place"] if (f == "place" and "kelurahan" in fl) or f in fl]
        fam = CYC.pick(rng, "odd-fam-" + ",".join(fams), fams)
        if fam == "name":
            q_name_valid_odd(rng, r, style.flavour)
        elif fam == "nik":
            q_nik_valid_odd(rng, r)
        elif fam == "phone":
            q_phone_valid_odd(rng, r)
        elif fam == "email":
            q_email_valid_odd(rng, r)
        elif fam == "place":
            q_place_valid_odd(rng, r, regions, style.flavour, fl)
    # invalid
    if rng.random() < style.bad:
        fams = [f for f in ["name", "nik", "phone", "email", "birth", "place"] if
                {"birth": "birthDate", "place": "kelurahan"}.get(f, f) in fl]
        fam = CYC.pick(rng, "bad-fam-" + ",".join(fams), fams + (["place", "phone", "nik"] if len(fams) > 3 else []))
        if fam == "name":
            q_name_missing(rng, r, style.flavour)
        elif fam == "nik" and "nik" in fl:
            q_nik_invalid(rng, r)
        elif fam == "phone" and "phone" in fl:
            q_phone_invalid(rng, r)
        elif fam == "email":
            q_email_invalid(rng, r)
        elif fam == "birth":
            q_birth_invalid(rng, r, rng.choice(style.date))
        elif fam == "place" and "kelurahan" in fl:
            q_place_invalid(rng, r, regions, fl)
    if style.flavour == "cp1252":
        for k, v in list(r.f.items()):
            if isinstance(v, str):
                r.f[k] = cp1252_roundtrip(v)
    return r


# ---------------------------------------------------------------------------
# CSV writing with physical line tracking


def cell_text(v):
    return "" if v is None else str(v)


def serialize_row(cells, delim, eol, quote_all=False):
    out = []
    for c in cells:
        c = cell_text(c)
        if quote_all or any(ch in c for ch in (delim, '"', "\n", "\r")) or (c != c.strip(" ") and False):
            out.append('"' + c.replace('"', '""') + '"')
        else:
            out.append(c)
    return delim.join(out) + eol


class Sheet:
    """Accumulates lines; records get row:N = physical line they start on."""

    def __init__(self, delim=",", eol="\n"):
        self.delim, self.eol = delim, eol
        self.text = []
        self.lines = 0

    def raw(self, s):
        self.text.append(s)
        self.lines += s.count("\n")

    def row(self, cells, rec=None, quote_all=False):
        start = self.lines + 1
        s = serialize_row(cells, self.delim, self.eol, quote_all)
        self.raw(s)
        if rec is not None:
            rec.ref_loc = "row:%d" % start
        return start

    def value(self):
        return "".join(self.text)


def write_bytes(path, text, encoding):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if encoding == "utf-8-sig":
        data = text.encode("utf-8-sig")
    elif encoding == "utf-16":
        data = text.encode("utf-16")  # BOM + LE on this machine
    elif encoding == "cp1252":
        data = text.encode("cp1252", errors="replace")
    else:
        data = text.encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)


def cp1252_roundtrip(s):
    return s.encode("cp1252", errors="replace").decode("cp1252")


# ---------------------------------------------------------------------------
# the office files


class Out:
    def __init__(self, root):
        self.root = root
        self.records = []
        self.files = []   # (relpath, description, source id)

    def add(self, relfile, rec, cells=None, colmap=None, extra=None):
        rec.file = relfile
        rec.ref = "%s#%s" % (relfile, rec.ref_loc)
        rec.cells = cells or {}
        rec.colmap = colmap or {}
        self.records.append(rec)


def training(rng):
    return rng.choice([
        ("WUIB-TBT-03", "Pelatihan WUIB Kerajinan Tas Tebet Angkatan 3", dt.date(2024, 10, 7)),
        ("WUIB-MPP-01", "Pelatihan WUIB Menjahit Mampang Prapatan", dt.date(2024, 10, 21)),
        ("FESYEN-PSM-03", "Pelatihan Fesyen Muslim Pasar Minggu Angkatan 3", dt.date(2024, 11, 4)),
        ("KULINER-JGK-01", "Pelatihan Olahan Pangan Jagakarsa", dt.date(2024, 8, 19)),
        ("HALAL-CLD-02", "Pendampingan Sertifikasi Halal Cilandak", dt.date(2024, 9, 23)),
        ("DIGI-SBD-01", "Pemasaran Digital UMKM Setiabudi", dt.date(2025, 2, 10)),
    ])


def gen_gform_en(rng, regions, people, out):
    """Google Forms responses, English-locale account: Timestamp, Email Address, US dates."""
    rel = "sheets/gform-pendaftaran-fesyen-jagakarsa.csv"
    st = Style(nik=["plain", "plain", "spaced", "apos"], phone=["plain", "dash", "+62", "62", "space", "wa"],
               date=["mdy"], q=0.35, bad=0.12, fields=["name", "nik", "phone", "email", "birthDate", "gender",
                                                       "kelurahan", "kecamatan", "sector", "address"])
    header = ["Timestamp", "Email Address", "Nama Lengkap (sesuai KTP)", "NIK (16 digit sesuai KTP)",
              "No. HP/WhatsApp yang aktif", "Tanggal Lahir", "Jenis Kelamin", "Alamat Lengkap (Jalan, RT/RW)",
              "Kelurahan", "Kecamatan", "Jenis Usaha", "Apakah sudah memiliki NIB?", "No. HP keluarga yang bisa dihubungi"]
    colmap = {"submittedAt": 0, "email": 1, "name": 2, "nik": 3, "phone": 4, "birthDate": 5, "gender": 6, "address": 7,
              "kelurahan": 8, "kecamatan": 9, "sector": 10}
    sh = Sheet(",", "\n")
    sh.row(header)
    t = dt.datetime(2024, 7, 29, 8, 0, 0)
    for i in range(110):
        r = build(rng, regions, people, st)
        t += dt.timedelta(minutes=rng.randint(3, 400), seconds=rng.randint(0, 59))
        ts = "%d/%d/%d %d:%02d:%02d" % (t.month, t.day, t.year, t.hour, t.minute, t.second)
        # the mdy problem: dates with day > 12 cannot be read day-first
        bd = r.f.get("birthDate", "")
        if "date:us-m/d/yyyy" in r.tags:
            if r.p.birth.day > 12:
                r.tag("date:us-mdy-day>12(impossible as d/m)")
                r.debate("US-locale form: month/day order; a global dateOrder=dmy misreads it")
            elif r.p.birth.day != r.p.birth.month:
                r.tag("date:us-mdy-day<=12(ambiguous)")
        if i in (5, 40):
            # answered 'Other' with the full address in the kelurahan question
            r.f["address"] = r.f["address"] + "\n" + r.p.kel + ", " + r.p.kec
            r.tag("csv:multiline-cell")
        nib = rng.choice(["Belum", "Sudah", "Sudah, %d" % rng.randint(10 ** 12, 10 ** 13 - 1), "Belum, sedang proses"])
        fam = "" if rng.random() < 0.4 else rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))
        cells = [ts, r.f.get("email", ""), r.f.get("name", ""), r.f.get("nik", ""), r.f.get("phone", ""), bd,
                 r.f.get("gender", ""), r.f.get("address", ""), r.f.get("kelurahan", ""), r.f.get("kecamatan", ""),
                 r.f.get("sector", ""), nib, fam]
        if fam:
            r.tag("csv:second-phone-column(family)")
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), {k: header[v] for k, v in colmap.items()})
    write_bytes(os.path.join(out.root, rel), sh.value(), "utf-8")
    out.files.append((rel, "Google Forms (English locale), comma, UTF-8, LF, US dates, multi-line answers",
                      "gform"))


def gen_gform_id(rng, regions, people, out):
    """Google Forms responses, Indonesian-locale account: 'Stempel waktu', 'Alamat email'."""
    rel = "sheets/gform-pendaftaran-kuliner-pancoran.csv"
    st = Style(nik=["plain", "plain", "spaced", "dotted"], phone=["plain", "dash", "+62", "62", "8", "space"],
               date=["dmy/", "d/m/yyyy", "long", "iso"], q=0.4, bad=0.14,
               fields=["name", "nik", "phone", "email", "birthDate", "gender", "kelurahan", "kecamatan", "sector"])
    header = ["Stempel waktu", "Alamat email", "Nama Lengkap", "Nomor Induk Kependudukan (NIK)",
              "Nomor HP / WhatsApp", "Tanggal Lahir", "Jenis Kelamin", "Kelurahan Domisili", "Kecamatan Domisili",
              "Bidang Usaha", "Nama Usaha", "Nomor Induk Berusaha (NIB)", "Sumber informasi pelatihan"]
    colmap = {"submittedAt": 0, "email": 1, "name": 2, "nik": 3, "phone": 4, "birthDate": 5, "gender": 6,
              "kelurahan": 7, "kecamatan": 8, "sector": 9}
    sh = Sheet(",", "\n")
    sh.row(header)
    t = dt.datetime(2024, 9, 2, 9, 0, 0)
    for i in range(100):
        r = build(rng, regions, people, st)
        t += dt.timedelta(minutes=rng.randint(3, 500), seconds=rng.randint(0, 59))
        ts = "%02d/%02d/%d %d:%02d:%02d" % (t.day, t.month, t.year, t.hour, t.minute, t.second)
        usaha = rng.choice(["Dapur %s", "Kue %s", "%s Catering", "Warung %s", "Keripik Mak %s"]) % r.p.name.split()[0]
        nib = "" if rng.random() < 0.6 else str(rng.randint(10 ** 12, 10 ** 13 - 1))
        cells = [ts, r.f.get("email", ""), r.f.get("name", ""), r.f.get("nik", ""), r.f.get("phone", ""),
                 r.f.get("birthDate", ""), r.f.get("gender", ""), r.f.get("kelurahan", ""), r.f.get("kecamatan", ""),
                 r.f.get("sector", ""), usaha, nib, rng.choice(["Instagram", "Grup WA RW", "Kelurahan", "Teman"])]
        r.tag("csv:nama-usaha-column-beside-name")
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), {k: header[v] for k, v in colmap.items()})
    write_bytes(os.path.join(out.root, rel), sh.value(), "utf-8")
    out.files.append((rel, "Google Forms (Indonesian locale), comma, UTF-8, LF; Nama Usaha + NIB columns", "gform"))


def excel_title(sh, ncols, lines):
    for ln in lines:
        sh.row([ln] + [""] * (ncols - 1))


def gen_daftar_hadir_mpp(rng, regions, people, out):
    """Excel (Indonesian Windows) attendance: ';', cp1252, CRLF, title rows, pre-numbered blank rows,
    merged kecamatan cells, footer signature block."""
    code = "WUIB-MPP-01"
    rel = "sheets/daftar-hadir-%s.csv" % code
    st = Style(nik=["plain", "plain", "apos", "spaced"], phone=["plain", "dash", "space", "8"], flavour="cp1252",
               q=0.35, bad=0.14, fields=["name", "nik", "phone", "kelurahan", "kecamatan"])
    header = ["NO", "NAMA PESERTA", "NIK", "KELURAHAN", "KECAMATAN", "NO. HP", "HARI 1", "HARI 2", "TTD"]
    sh = Sheet(";", "\r\n")
    excel_title(sh, len(header), ["DAFTAR HADIR PESERTA", "PELATIHAN WIRAUSAHA INDUSTRI BARU (WUIB) MENJAHIT",
                                  "KANTOR KECAMATAN MAMPANG PRAPATAN, 21 - 22 OKTOBER 2024", ""])
    sh.row(header)
    colmap = {"name": "NAMA PESERTA", "nik": "NIK", "kelurahan": "KELURAHAN", "kecamatan": "KECAMATAN", "phone": "NO. HP"}
    n = 34
    recs = sorted((build(rng, regions, people, st, train=dt.date(2024, 10, 21)) for _ in range(n)), key=lambda r: r.p.kec)
    prev = None
    for i, r in enumerate(recs, 1):
        # merged cells: the kecamatan is written once per block of the same kecamatan
        placebad = any(t.startswith("place:") for t in r.tags if "outside" in t or "near-miss" in t or "not-a-place" in t)
        if prev is not None and prev.p.kec == r.p.kec and not placebad and r.f.get("kecamatan"):
            r.f["kecamatan"] = ""
            r.tag("csv:merged-cell-blank-kecamatan")
            r.exp["kecamatanCode"] = None
        prev = r
        h1, h2 = rng.choice([("v", "v"), ("v", ""), ("1", "1"), ("hadir", "hadir"), ("v", "v")])
        cells = [str(i), r.f.get("name", ""), r.f.get("nik", ""), r.f.get("kelurahan", ""), r.f.get("kecamatan", ""),
                 r.f.get("phone", ""), h1, h2, ""]
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), colmap)
    # pre-numbered rows nobody filled in
    for i in range(n + 1, 41):
        r = Rec(None)
        r.nonrecord = True
        r.tag("nonrecord:pre-numbered-empty-row")
        cells = [str(i), "", "", "", "", "", "", "", ""]
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), colmap)
    sh.row([""] * len(header))
    r = Rec(None); r.nonrecord = True; r.tag("nonrecord:footer-mengetahui")
    cells = ["", "Mengetahui,", "", "", "", "", "Jakarta, 22 Oktober 2024", "", ""]
    sh.row(cells, r); out.add(rel, r, dict(zip(header, cells)), colmap)
    r = Rec(None); r.nonrecord = True; r.tag("nonrecord:footer-jabatan")
    cells = ["", "Kepala Seksi Perindustrian", "", "", "", "", "Instruktur", "", ""]
    sh.row(cells, r); out.add(rel, r, dict(zip(header, cells)), colmap)
    sh.row([""] * len(header)); sh.row([""] * len(header))
    r = Rec(None); r.nonrecord = True; r.tag("nonrecord:footer-official-name+NIP")
    cells = ["", "Drs. Hartono Wiryawan, M.Si.", "NIP. 197104121998031005", "", "", "", "Lia Kartika", "", ""]
    sh.row(cells, r); out.add(rel, r, dict(zip(header, cells)), colmap)
    write_bytes(os.path.join(out.root, rel), sh.value(), "cp1252")
    out.files.append((rel, "Excel ';' cp1252 CRLF, 4 title rows, pre-numbered empty rows 35-40, merged kecamatan, footer", "daftar-hadir"))


def gen_daftar_hadir_psg(rng, regions, people, out):
    """Excel with 'sep=;' first line, attendance columns named by date, NIKs as numbers."""
    code = "WUIB-PSG-02"
    rel = "sheets/daftar-hadir-%s.csv" % code
    st = Style(nik=["plain"], phone=["plain", "8", "dash"], flavour="cp1252", q=0.35, bad=0.14,
               fields=["name", "nik", "phone", "kelurahan", "kecamatan", "address"])
    header = ["No.", "Nama Lengkap", "No. KTP", "Alamat", "Kel", "Kec", "No. Telp/HP", "28/10/2024", "29/10/2024"]
    colmap = {"name": "Nama Lengkap", "nik": "No. KTP", "address": "Alamat", "kelurahan": "Kel", "kecamatan": "Kec",
              "phone": "No. Telp/HP"}
    sh = Sheet(";", "\r\n")
    sh.raw("sep=;\r\n")
    sh.row(["DAFTAR HADIR PELATIHAN WUIB - KECAMATAN PESANGGRAHAN"] + [""] * 8)
    sh.row(header)
    for i in range(1, 39):
        r = build(rng, regions, people, st, train=dt.date(2024, 10, 28))
        # Excel stored the NIK as a number: precision loss or scientific display
        if r.f.get("nik") and "nik:plain" in r.tags and rng.random() < 0.25 and not r.invalid \
                and r.f.get("nik") == r.p.nik:
            c = rng.random()
            if c < 0.35:
                r.f["nik"] = r.p.nik[:15] + "0"
                r.exp["nik"] = r.f["nik"]
                r.tag("nik:excel-15-digit-precision(last digit 0)")
            elif c < 0.65:
                n0 = r.p.nik[:15] + "0"
                r.f["nik"] = "{:,}".format(int(n0)).replace(",", ".")
                r.exp["nik"] = n0
                r.tag("nik:excel-number-with-thousands-dots")
            else:
                q_nik_invalid(rng, r, "sci-comma")
        cells = [str(i), r.f.get("name", ""), r.f.get("nik", ""), r.f.get("address", ""), r.f.get("kelurahan", ""),
                 r.f.get("kecamatan", ""), r.f.get("phone", ""), rng.choice(["v", "v", ""]), rng.choice(["v", "v", ""])]
        if cells[-1] == "" and rng.random() < 0.7:
            # the exporter dropped the empty trailing cells
            while cells and cells[-1] == "":
                cells.pop()
            r.tag("csv:trailing-empty-cells-trimmed")
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), colmap)
    sh.row([""] * 9)
    r = Rec(None); r.nonrecord = True; r.tag("nonrecord:totals-row-in-name-column")
    cells = ["", "JUMLAH PESERTA", "38 orang", "", "", "", "", "35", "33"]
    sh.row(cells, r); out.add(rel, r, dict(zip(header, cells)), colmap)
    write_bytes(os.path.join(out.root, rel), sh.value(), "cp1252")
    out.files.append((rel, "Excel 'sep=;' line, cp1252 CRLF, date-named attendance columns, Excel NIK numbers, totals row", "daftar-hadir"))


def gen_absensi_halal(rng, regions, people, out):
    """UTF-8 BOM, comma, two phone columns (HP and WA), tanggal lahir column, ✓ marks, birth boundary cases."""
    code = "HALAL-CLD-03"
    rel = "sheets/daftar-hadir-%s.csv" % code
    train = dt.date(2024, 11, 18)
    st = Style(nik=["plain", "dotted", "spaced"], phone=["plain", "dash", "+62", "space"],
               date=["dmy/", "long", "short", "old", "2y", "dash-mon", "excel-en"], q=0.4, bad=0.15,
               fields=["name", "nik", "phone", "birthDate", "gender", "kelurahan", "kecamatan", "sector"])
    header = ["No", "Nama", "NIK", "JK", "Tgl Lahir", "No. HP", "No. WA", "Kelurahan", "Kecamatan", "Produk", "18/11/2024", "19/11/2024"]
    colmap = {"name": "Nama", "nik": "NIK", "gender": "JK", "birthDate": "Tgl Lahir", "phone": "No. HP",
              "kelurahan": "Kelurahan", "kecamatan": "Kecamatan", "sector": "Produk"}
    sh = Sheet(",", "\n")
    sh.row(header)
    recs = []
    for i in range(1, 46):
        recs.append(build(rng, regions, people, st, train=train))
    # boundary ages judged at the training date
    for b, ok in boundary_births(train):
        r = boundary_rec(rng, regions, people, st.fields, train, b, ok, "attendance-date-column",
                         "%02d/%02d/%d" % (b.day, b.month, b.year))
        recs.insert(rng.randint(0, len(recs)), r)
    for i, r in enumerate(recs, 1):
        wa = ""
        if rng.random() < 0.35:
            wa = rng.choice(["sama", "idem", "=", r.f.get("phone", "")]) if rng.random() < 0.5 else \
                rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))
            r.tag("csv:separate-WA-column")
        cells = [str(i), r.f.get("name", ""), r.f.get("nik", ""), r.f.get("gender", ""), r.f.get("birthDate", ""),
                 r.f.get("phone", ""), wa, r.f.get("kelurahan", ""), r.f.get("kecamatan", ""), r.f.get("sector", ""),
                 rng.choice(["\u2713", "\u2713", ""]), rng.choice(["\u2713", "\u2714", ""])]
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), colmap)
    write_bytes(os.path.join(out.root, rel), sh.value(), "utf-8-sig")
    out.files.append((rel, "UTF-8 BOM, comma, HP + WA columns, age boundaries at the attendance date", "daftar-hadir"))


def gen_daftar_hadir_kbl(rng, regions, people, out):
    """Two-row header (merged 'ALAMAT' over Kelurahan/Kecamatan, 'KEHADIRAN' over Hari 1/2)."""
    code = "FESYEN-KBL-01"
    rel = "sheets/daftar-hadir-%s.csv" % code
    st = Style(nik=["plain", "apos"], phone=["plain", "dash"], flavour="cp1252", q=0.3, bad=0.18,
               fields=["name", "nik", "phone", "kelurahan", "kecamatan"])
    sh = Sheet(";", "\r\n")
    excel_title(sh, 8, ["DAFTAR HADIR PELATIHAN FESYEN KEBAYORAN LAMA ANGKATAN I", "Tanggal : 12 - 13 Agustus 2024"])
    h1 = ["NO", "NAMA", "NIK", "ALAMAT", "", "NO HP", "KEHADIRAN", ""]
    h2 = ["", "", "", "KELURAHAN", "KECAMATAN", "", "HARI 1", "HARI 2"]
    sh.row(h1)
    r = Rec(None); r.nonrecord = True; r.tag("nonrecord:second-header-row")
    sh.row(h2, r); out.add(rel, r, dict(zip(["NO", "NAMA", "NIK", "ALAMAT", "", "NO HP", "KEHADIRAN", ""], h2)), {})
    colmap = {"name": "NAMA", "nik": "NIK", "phone": "NO HP", "kelurahan": "ALAMAT", "kecamatan": "(col 5)"}
    for i in range(1, 33):
        r = build(rng, regions, people, st, train=dt.date(2024, 8, 12))
        r.tag("csv:two-row-header(kelurahan/kecamatan under merged ALAMAT)")
        cells = [str(i), r.f.get("name", ""), r.f.get("nik", ""), r.f.get("kelurahan", ""), r.f.get("kecamatan", ""),
                 r.f.get("phone", ""), "v", rng.choice(["v", ""])]
        sh.row(cells, r)
        out.add(rel, r, dict(zip(["NO", "NAMA", "NIK", "KELURAHAN", "KECAMATAN", "NO HP", "HARI 1", "HARI 2"], cells)), colmap)
    write_bytes(os.path.join(out.root, rel), sh.value(), "cp1252")
    out.files.append((rel, "Excel ';' cp1252 CRLF, two-row merged header", "daftar-hadir"))


def gen_rekap(rng, regions, people, out):
    """Recap sheet across trainings: PELATIHAN / TGL PELATIHAN / STATUS, TTL column, Excel 'CSV UTF-8'."""
    rel = "sheets/rekap-peserta-pelatihan-2024.csv"
    st = Style(nik=["plain", "plain", "apos", "spaced"], phone=["plain", "dash", "62", "8"],
               date=["ttl"], q=0.4, bad=0.14,
               fields=["name", "nik", "phone", "birthDate", "gender", "kelurahan", "kecamatan", "sector", "address"])
    header = ["NO", "NAMA", "NIK", "TEMPAT, TGL LAHIR", "L/P", "ALAMAT", "KELURAHAN", "KECAMATAN", "NO HP",
              "JENIS USAHA", "PELATIHAN", "TGL PELATIHAN", "STATUS", "KETERANGAN"]
    colmap = {"name": "NAMA", "nik": "NIK", "birthDate": "TEMPAT, TGL LAHIR", "gender": "L/P", "address": "ALAMAT",
              "kelurahan": "KELURAHAN", "kecamatan": "KECAMATAN", "phone": "NO HP", "sector": "JENIS USAHA"}
    sh = Sheet(";", "\r\n")
    excel_title(sh, len(header), ["REKAPITULASI PESERTA PELATIHAN SUDIN PPKUKM JAKARTA SELATAN TAHUN 2024", ""])
    sh.row(header)
    trains = [
        ("Pelatihan WUIB Kerajinan Tas Tebet Angkatan 3", dt.date(2024, 10, 7), ["07/10/2024", "7 Oktober 2024", "7-8 Oktober 2024", "45572", "Senin, 7 Oktober 2024"]),
        ("Pelatihan Fesyen Muslim Pasar Minggu", dt.date(2024, 11, 4), ["04/11/2024", "4 Nov 2024", "4 - 5 November 2024", "45600"]),
        ("Olahan Pangan Jagakarsa", dt.date(2024, 8, 19), ["19/08/2024", "19 Agustus 2024", "19-20 Agt 2024", "45523"]),
        ("Pemasaran Digital Setiabudi", dt.date(2025, 2, 10), ["10/02/2025", "10 Februari 2025", "10-11 Feb 2025", "45698"]),
    ]
    n = 0
    for i in range(1, 231):
        title, d0, forms = rng.choice(trains)
        tform = rng.choice(forms)
        r = build(rng, regions, people, st, train=d0)
        r.tag("rekap:tgl-pelatihan-" + ("serial" if tform.isdigit() else "weekday" if "," in tform else
                                        "range" if "-" in tform else "single"))
        if rng.random() < 0.04:
            # 2-digit training year typed by hand
            pass
        n += 1
        cells = [str(n), r.f.get("name", ""), r.f.get("nik", ""), r.f.get("birthDate", ""), r.f.get("gender", ""),
                 r.f.get("address", ""), r.f.get("kelurahan", ""), r.f.get("kecamatan", ""), r.f.get("phone", ""),
                 r.f.get("sector", ""), title, tform, rng.choice(["Lulus", "Lulus", "Hadir", "Tidak Hadir", "Mengundurkan diri"]),
                 rng.choice(["", "", "", "Dapat mesin jahit", "Sudah NIB"])]
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), colmap)
    # age boundaries judged at the training date, in a date range form
    d7 = dt.date(2024, 10, 7)
    for tform, kind in (("7-8 Oktober 2024", "range"), ("07/10/2024", "dd/mm/yyyy"), ("45572", "serial"),
                        ("Senin, 7 Oktober 2024", "weekday")):
        for b, ok in boundary_births(d7):
            r = boundary_rec(rng, regions, people, st.fields, d7, b, ok, "rekap-TGL-PELATIHAN-" + kind,
                             "Jakarta, %d %s %d" % (b.day, ID_MONTHS[b.month - 1], b.year))
            n += 1
            cells = [str(n), r.f["name"], r.f.get("nik", ""), r.f["birthDate"], r.f.get("gender", ""), r.f.get("address", ""),
                     r.f.get("kelurahan", ""), r.f.get("kecamatan", ""), r.f.get("phone", ""), r.f.get("sector", ""),
                     trains[0][0], tform, "Lulus", ""]
            sh.row(cells, r)
            out.add(rel, r, dict(zip(header, cells)), colmap)
    r = Rec(None); r.nonrecord = True; r.tag("nonrecord:totals-row-TOTAL")
    cells = ["", "TOTAL", "", "", "", "", "", "", "", "", "", "", "%d peserta" % n, ""]
    sh.row(cells, r); out.add(rel, r, dict(zip(header, cells)), colmap)
    write_bytes(os.path.join(out.root, rel), sh.value(), "utf-8-sig")
    out.files.append((rel, "Excel 'CSV UTF-8' (BOM) ';' CRLF recap: TTL column, training ranges and serials, totals", "rekap"))


def gen_rekap_kelurahan(rng, regions, people, out):
    """A kelurahan office's sheet: Excel serial birth dates, phones as numbers, NIK precision loss, 'No. KK' column."""
    rel = "sheets/rekap-kelurahan-pejaten-timur.csv"
    st = Style(nik=["plain"], phone=["8"], date=["serial"], flavour="cp1252", q=0.3, bad=0.12,
               fields=["name", "nik", "phone", "birthDate", "gender", "kelurahan", "kecamatan"])
    header = ["No", "Nama", "No. KK", "NIK", "TGL\nLAHIR", "JK", "RT", "RW", "Kelurahan", "Kecamatan", "No HP\n(WA)", "Ket"]
    colmap = {"name": "Nama", "nik": "NIK", "birthDate": "TGL\nLAHIR", "gender": "JK", "kelurahan": "Kelurahan",
              "kecamatan": "Kecamatan", "phone": "No HP\n(WA)"}
    sh = Sheet(",", "\r\n")
    sh.row(header)
    for i in range(1, 51):
        r = build(rng, regions, people, st)
        kk = "3174%s%s" % (r.p.nik[4:6], "".join(rng.choice("0123456789") for _ in range(10)))
        if rng.random() < 0.3 and r.f.get("nik") and not r.invalid:
            r.f["nik"] = r.p.nik[:15] + "0"
            r.exp["nik"] = r.f["nik"]
            r.tag("nik:excel-15-digit-precision(last digit 0)")
        kk = kk[:15] + "0"
        r.tag("csv:No-KK-column-before-NIK")
        cells = [str(i), r.f.get("name", ""), kk, r.f.get("nik", ""), r.f.get("birthDate", ""), r.f.get("gender", ""),
                 "%03d" % rng.randint(1, 14), "%03d" % rng.randint(1, 9), r.f.get("kelurahan", ""),
                 r.f.get("kecamatan", ""), r.f.get("phone", ""), ""]
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), colmap)
    write_bytes(os.path.join(out.root, rel), sh.value(), "cp1252")
    out.files.append((rel, "kelurahan office: comma cp1252 CRLF, Excel serial birth dates, phones without 0, No. KK column", "rekap"))


def gen_umkm_binaan(rng, regions, people, out):
    """A kelurahan's list of supported SMEs: the person is the 'Nama Pemilik' (owner)."""
    rel = "sheets/rekap-umkm-binaan-cipete-utara.csv"
    st = Style(nik=["plain", "spaced"], phone=["plain", "dash"], q=0.3, bad=0.15,
               fields=["name", "nik", "phone", "kelurahan", "kecamatan", "sector", "address"])
    header = ["No", "Nama Pemilik", "Nama Usaha", "NIK", "No. HP", "Alamat Usaha", "Kelurahan", "Kecamatan", "Jenis Usaha",
              "Omzet per Bulan"]
    colmap = {"name": "Nama Pemilik", "nik": "NIK", "phone": "No. HP", "address": "Alamat Usaha", "kelurahan": "Kelurahan",
              "kecamatan": "Kecamatan", "sector": "Jenis Usaha"}
    sh = Sheet(",", "\r\n")
    sh.row(header)
    for i in range(1, 41):
        r = build(rng, regions, people, st)
        r.tag("csv:name-header-Nama-Pemilik")
        cells = [str(i), r.f.get("name", ""), rng.choice(["Warung %s", "%s Snack", "Jahit %s", "Dapur %s"]) % r.p.name.split()[0],
                 r.f.get("nik", ""), r.f.get("phone", ""), r.f.get("address", ""), r.f.get("kelurahan", ""),
                 r.f.get("kecamatan", ""), r.f.get("sector", ""), "Rp %d.000.000" % rng.randint(1, 30)]
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), colmap)
    write_bytes(os.path.join(out.root, rel), sh.value(), "utf-8")
    out.files.append((rel, "kelurahan SME list: 'Nama Pemilik' + 'Nama Usaha', comma UTF-8 CRLF", "rekap"))


def gen_label_block(rng, regions, people, out):
    """Attendance sheet whose title block is label/value pairs ('Tempat : ...', 'Kelurahan : ...'),
    and whose Alamat cells all hold commas although the file is ';'-separated."""
    code = "WUIB-PSM-04"
    rel = "sheets/daftar-hadir-%s.csv" % code
    st = Style(nik=["plain", "apos"], phone=["plain", "dash"], flavour="cp1252", q=0.3, bad=0.15,
               fields=["name", "nik", "phone", "kelurahan", "address"])
    sh = Sheet(";", "\r\n")
    sh.row(["DAFTAR HADIR", "", "", "", "", "", ""])
    sh.row(["Kegiatan", ": Pelatihan WUIB Menjahit Angkatan 4", "", "", "Tanggal", ": 9 Desember 2024", ""])
    sh.row(["Tempat", ": Aula Kantor Kelurahan Pejaten Barat", "", "", "Kecamatan", ": Pasar Minggu", ""])
    sh.row(["", "", "", "", "", "", ""])
    header = ["No", "Nama", "NIK", "Alamat", "Kelurahan", "No HP", "Tanda Tangan"]
    sh.row(header)
    colmap = {"name": "Nama", "nik": "NIK", "address": "Alamat", "kelurahan": "Kelurahan", "phone": "No HP"}
    for i in range(1, 31):
        r = build(rng, regions, people, st, train=dt.date(2024, 12, 9))
        r.f["address"] = "Jl. %s No. %d, RT %02d, RW %02d" % (rng.choice(["Kemuning", "Mawar", "Haji Nawi"]), rng.randint(1, 99),
                                                             rng.randint(1, 12), rng.randint(1, 9))
        r.tag("csv:label-value-title-block+commas-in-every-address")
        cells = [str(i), r.f.get("name", ""), r.f.get("nik", ""), r.f["address"], r.f.get("kelurahan", ""),
                 r.f.get("phone", ""), str(i) + "."]
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), colmap)
    write_bytes(os.path.join(out.root, rel), sh.value(), "cp1252")
    out.files.append((rel, "';' cp1252, label:value title block, commas in every Alamat", "daftar-hadir"))


def gen_mixed_encoding(rng, regions, people, out):
    """A UTF-8 sheet (✓ marks, typographic apostrophes) into which one cell was pasted from a
    Windows-1252 file: a single stray 0xA0 byte makes the file invalid UTF-8."""
    code = "KULINER-JGK-02"
    rel = "sheets/daftar-hadir-%s.csv" % code
    st = Style(nik=["plain"], phone=["plain", "dash"], q=0.25, bad=0.12, place_prob=0.2,
               fields=["name", "nik", "phone", "kelurahan", "kecamatan"])
    header = ["No", "Nama", "NIK", "No. HP", "Kelurahan", "Kecamatan", "Hari 1", "Hari 2"]
    colmap = {"name": "Nama", "nik": "NIK", "phone": "No. HP", "kelurahan": "Kelurahan", "kecamatan": "Kecamatan"}
    sh = Sheet(",", "\n")
    sh.row(header)
    stray_row = 17
    for i in range(1, 31):
        r = build(rng, regions, people, st, train=dt.date(2024, 8, 26))
        if i % 5 == 0 and not r.invalid and r.f.get("kelurahan") == r.p.kel and " " in r.p.kel:
            r.f["kelurahan"] = r.p.kel.replace(" ", NBSP)
            r.tag("place:nbsp")
        if i % 7 == 0 and not r.invalid and r.f.get("name"):
            r.f["name"] = r.p.name.split()[0] + " Nur\u2019aini"
            r.exp["name"] = None
            r.tag("name:curly-apostrophe")
        r.tag("csv:utf8-file-with-one-stray-cp1252-byte")
        cells = [str(i), r.f.get("name", ""), r.f.get("nik", ""), r.f.get("phone", ""), r.f.get("kelurahan", ""),
                 r.f.get("kecamatan", ""), "\u2713", rng.choice(["\u2713", ""])]
        if i == stray_row:
            cells[1] = cells[1] + "\x00STRAY\x00"
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), colmap)
    data = sh.value().encode("utf-8").replace(b"\x00STRAY\x00", b"\xa0")
    path = os.path.join(out.root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "wb").write(data)
    out.files.append((rel, "UTF-8 with one stray Windows-1252 byte (0xA0) in one name", "daftar-hadir"))


def gen_wa_list(rng, regions, people, out):
    """A WhatsApp group's sign-up list pasted into a sheet."""
    rel = "sheets/list-wa-grup-umkm-cilandak.csv"
    st = Style(nik=["plain"], phone=["+62", "plain", "dash", "wa", "+62c"], q=0.6, bad=0.15, honor=0.4,
               fields=["name", "phone", "kelurahan", "sector"])
    header = ["No", "Nama ", "No WA" + NBSP, "Kelurahan", "Usaha"]
    colmap = {"name": "Nama ", "phone": "No WA" + NBSP, "kelurahan": "Kelurahan", "sector": "Usaha"}
    sh = Sheet(",", "\n")
    sh.row(header)
    for i in range(1, 61):
        r = build(rng, regions, people, st)
        if rng.random() < 0.35 and r.f.get("phone") and not r.invalid and not any(
                t.startswith("phone:") and t not in ("phone:+62-spaced", "phone:plain", "phone:dashes", "phone:suffix-(WA)",
                                                     "phone:+62-compact") for t in r.tags):
            d = r.p.phone_local
            r.f["phone"] = LRE + "+62 %s-%s-%s" % (d[1:4], d[4:8], d[8:]) + PDF
            r.tag("phone:whatsapp-copied-LRE-PDF")
        if rng.random() < 0.15 and not r.invalid:
            r.f["kelurahan"] = "%s/%s" % (r.p.kel, r.p.kec)
            r.tag("place:kelurahan/kecamatan-slash")
        cells = [str(i) + rng.choice(["", ".", ""]), r.f.get("name", ""), r.f.get("phone", ""), r.f.get("kelurahan", ""),
                 r.f.get("sector", "")]
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), colmap)
    write_bytes(os.path.join(out.root, rel), sh.value(), "utf-8")
    out.files.append((rel, "WhatsApp list pasted into a sheet: LRE/PDF around numbers, emoji, honorifics", "wa"))


def gen_unicode_text(rng, regions, people, out):
    """Excel 'Unicode Text' save: UTF-16LE with BOM, tab separated, CRLF, .txt."""
    rel = "sheets/peserta-rptra-kalibata.txt"
    st = Style(nik=["plain", "spaced"], phone=["plain", "dash"], date=["dmy/", "long"], q=0.35, bad=0.14,
               fields=["name", "nik", "phone", "birthDate", "gender", "kelurahan", "kecamatan"])
    header = ["No", "Nama Peserta", "No. NIK", "Tanggal Lahir", "Jenis Kelamin", "Kel/Desa", "Kecamatan", "No. HP"]
    colmap = {"name": "Nama Peserta", "nik": "No. NIK", "birthDate": "Tanggal Lahir", "gender": "Jenis Kelamin",
              "kelurahan": "Kel/Desa", "kecamatan": "Kecamatan", "phone": "No. HP"}
    sh = Sheet("\t", "\r\n")
    sh.row(header)
    for i in range(1, 41):
        r = build(rng, regions, people, st)
        cells = [str(i), r.f.get("name", ""), r.f.get("nik", ""), r.f.get("birthDate", ""), r.f.get("gender", ""),
                 r.f.get("kelurahan", ""), r.f.get("kecamatan", ""), r.f.get("phone", "")]
        r.tag("csv:headers-No.NIK+Kel/Desa")
        sh.row(cells, r)
        out.add(rel, r, dict(zip(header, cells)), colmap)
    write_bytes(os.path.join(out.root, rel), sh.value(), "utf-16")
    out.files.append((rel, "Excel Unicode Text: UTF-16LE BOM, tab, CRLF", "rptra"))


def gen_pipe(rng, regions, people, out):
    """Legacy app export: pipe separated, every field quoted, ISO dates, lower-case headers."""
    rel = "sheets/ekspor-sipuk-2024.csv"
    st = Style(nik=["plain"], phone=["62", "plain", "+62c"], date=["iso"], q=0.3, bad=0.12,
               fields=["name", "nik", "phone", "email", "birthDate", "gender", "kelurahan", "kecamatan", "sector"])
    header = ["id", "nama_lengkap", "no_ktp", "no_hp", "email", "tgl_lahir", "jk", "kelurahan", "kecamatan", "kategori_usaha", "created_at"]
    colmap = {"name": "nama_lengkap", "nik": "no_ktp", "phone": "no_hp", "email": "email", "birthDate": "tgl_lahir",
              "gender": "jk", "kelurahan": "kelurahan", "kecamatan": "kecamatan", "sector": "kategori_usaha"}
    sh = Sheet("|", "\n")
    sh.row(header, quote_all=True)
    for i in range(1, 61):
        r = build(rng, regions, people, st)
        for k in ("nik", "phone", "email", "birthDate", "kecamatan"):
            if r.f.get(k) == "" and rng.random() < 0.7:
                r.f[k] = "NULL"
                r.tag("csv:NULL-literal-" + k)
                r.debate("SQL NULL written as text: missing")
        cells = ["%d" % (1000 + i), r.f.get("name", ""), r.f.get("nik", ""), r.f.get("phone", ""), r.f.get("email", ""),
                 r.f.get("birthDate", ""), r.f.get("gender", ""), r.f.get("kelurahan", ""), r.f.get("kecamatan", ""),
                 r.f.get("sector", ""), "2024-0%d-%02d 10:%02d:00" % (rng.randint(1, 9), rng.randint(1, 28), rng.randint(0, 59))]
        sh.row(cells, r, quote_all=True)
        out.add(rel, r, dict(zip(header, cells)), colmap)
    write_bytes(os.path.join(out.root, rel), sh.value(), "utf-8")
    out.files.append((rel, "legacy app export: '|' all quoted, ISO dates, NULL literals, snake_case headers", "sipuk"))


# ---------------------------------------------------------------------------
# JSON / NDJSON


def jsonish(rng, r, numeric_ok=True):
    """Turn a record's text fields into JSON values the way exports do."""
    def num_or_text(v, key):
        if not numeric_ok or not v:
            return v
        digits = v.replace(" ", "")
        if digits.isdigit() and rng.random() < 0.3 and not digits.startswith("0"):
            r.tag("json:%s-as-number" % key)
            return int(digits)
        if digits.isdigit() and digits.startswith("0") and key == "phone" and rng.random() < 0.15:
            r.tag("json:phone-as-number(leading 0 lost)")
            return int(digits)
        return v
    out = {}
    for k, v in r.f.items():
        if k in ("nik", "phone"):
            v = num_or_text(v, k)
        if v == "":
            c = rng.random()
            if c < 0.5:
                v = None
                r.tag("json:null")
            elif c < 0.8:
                v = ""
                r.tag("json:empty-string")
            else:
                v = "-"
                r.tag("json:dash")
        out[k] = v
    return out


def gen_json_jakpreneur(rng, regions, people, out):
    rel = "exports/jakpreneur-export-2024-11.json"
    st = Style(flavour="json", nik=["plain", "plain", "spaced"], phone=["plain", "+62", "62", "+62c"], date=["iso"], q=0.35, bad=0.12,
               fields=["name", "nik", "phone", "email", "birthDate", "gender", "kelurahan", "kecamatan", "sector"])
    items = []
    for i in range(160):
        code, title, d0 = training(rng)
        r = build(rng, regions, people, st, train=d0)
        if rng.random() < 0.12 and r.f.get("birthDate") and "age-range" not in r.invalid and "birth-date-real" not in r.invalid:
            b = r.p.birth
            r.f["birthDate"] = (dt.datetime(b.year, b.month, b.day) - dt.timedelta(hours=7)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
            r.tag("json:birth-iso-datetime-UTC(WIB midnight, previous day in UTC)")
            r.debate("birth date stored as WIB midnight in UTC: canonical day is the WIB day")
        if rng.random() < 0.05 and r.f.get("birthDate") and not r.invalid:
            r.f["birthDate"] = "0000-00-00"
            r.exp["birthDate"] = None
            r.tag("json:birth-0000-00-00")
            r.debate("MySQL zero date: a placeholder for no date")
        if rng.random() < 0.04 and r.f.get("nik") and not r.invalid:
            r.f["nik"] = "%s.%se15" % (r.p.nik[0], r.p.nik[1:])
            r.tag("json:nik-number-in-exponent-form")
            r.debate("JSON number 3.174...e15 is exactly the 16-digit NIK")
            j = jsonish(rng, r, numeric_ok=False)
            j["nik"] = None
            exp_raw = r.f["nik"]
        else:
            exp_raw = None
            j = jsonish(rng, r)
        rec = {"id": "JP-2024-%05d" % (2000 + i), "nama": j.get("name"), "nik": j.get("nik"),
               "kontak": {"hp": j.get("phone"), "email": j.get("email")},
               "tgl_lahir": j.get("birthDate"), "jenis_kelamin": j.get("gender"),
               "alamat": {"kelurahan": j.get("kelurahan"), "kecamatan": j.get("kecamatan")},
               "jenis_usaha": r.p.sector,
               "pelatihan": [{"kode": code, "nama": title, "tanggal": d0.isoformat()}]}
        if exp_raw:
            rec["nik"] = ("RAW", exp_raw)
        if rng.random() < 0.1 and "email-format" not in r.invalid:
            del rec["kontak"]["email"]
            r.exp["email"] = None
            r.tag("json:missing-key")
        r.ref_loc = "$.data.items[%d]" % i
        items.append(rec)
        out.add(rel, r, {}, {"name": "nama", "nik": "nik", "phone": "kontak.hp", "email": "kontak.email",
                             "birthDate": "tgl_lahir", "kelurahan": "alamat.kelurahan", "kecamatan": "alamat.kecamatan"})
    code, title, d0 = ("KULINER-JGK-01", "Pelatihan Olahan Pangan Jagakarsa", dt.date(2024, 8, 19))
    for b, ok in boundary_births(d0):
        r = boundary_rec(rng, regions, people, st.fields, d0, b, ok, "json-pelatihan-tanggal", b.isoformat())
        i = len(items)
        rec = {"id": "JP-2024-%05d" % (2000 + i), "nama": r.f["name"], "nik": r.f.get("nik") or None,
               "kontak": {"hp": r.f.get("phone") or None, "email": r.f.get("email") or None},
               "tgl_lahir": r.f["birthDate"], "jenis_kelamin": r.f.get("gender"),
               "alamat": {"kelurahan": r.f.get("kelurahan"), "kecamatan": r.f.get("kecamatan") or None},
               "jenis_usaha": r.p.sector, "pelatihan": [{"kode": code, "nama": title, "tanggal": d0.isoformat()}]}
        r.ref_loc = "$.data.items[%d]" % i
        items.append(rec)
        out.add(rel, r, {}, {})
    doc = {"meta": {"sumber": "Jakpreneur", "wilayah": "Kota Administrasi Jakarta Selatan", "total": len(items)},
           "data": {"items": items}}
    text = dump_json(doc, indent=2)
    write_bytes(os.path.join(out.root, rel), text, "utf-8")
    out.files.append((rel, "platform export, nested kontak/alamat, numbers for NIK/phone, nulls, '-', UTC datetimes", "jakpreneur"))


def dump_json(obj, indent=None):
    """json.dumps, but ('RAW', text) tuples are written verbatim (for exponent-form numbers)."""
    raws = []

    def walk(o):
        if isinstance(o, tuple) and len(o) == 2 and o[0] == "RAW":
            raws.append(o[1])
            return "__RAW%d__" % (len(raws) - 1)
        if isinstance(o, dict):
            return {k: walk(v) for k, v in o.items()}
        if isinstance(o, list):
            return [walk(v) for v in o]
        return o
    s = json.dumps(walk(obj), ensure_ascii=False, indent=indent)
    for i, raw in enumerate(raws):
        s = s.replace('"__RAW%d__"' % i, raw)
    return s


def gen_json_flat_array(rng, regions, people, out):
    """Top-level array, flat snake_case fields, kelurahan as {kode, nama}, gender 1/2."""
    rel = "exports/sipuk-peserta.json"
    st = Style(flavour="json", nik=["plain"], phone=["plain", "8", "62"], date=["dmy-", "iso"], q=0.35, bad=0.12,
               fields=["name", "nik", "phone", "email", "birthDate", "gender", "kelurahan", "kecamatan"])
    arr = []
    for i in range(90):
        r = build(rng, regions, people, st)
        j = jsonish(rng, r)
        kel = j.get("kelurahan")
        rec = {"nama_lengkap": j.get("name"), "no_ktp": j.get("nik"), "no_telp": j.get("phone"),
               "email": j.get("email"), "tanggal_lahir": j.get("birthDate"),
               "jenis_kelamin": {"L": "LAKI-LAKI", "P": "PEREMPUAN"}[r.p.gender],
               "kelurahan": {"kode": r.p.kel_code if kel == r.f.get("kelurahan") and r.f.get("kelurahan") else None, "nama": kel},
               "kecamatan": j.get("kecamatan"), "aktif": True, "skor": rng.randint(50, 100)}
        r.ref_loc = "$[%d]" % i
        arr.append(rec)
        out.add(rel, r, {}, {"name": "nama_lengkap", "nik": "no_ktp", "phone": "no_telp", "email": "email",
                             "birthDate": "tanggal_lahir", "kelurahan": "kelurahan.nama", "kecamatan": "kecamatan"})
    text = json.dumps(arr, ensure_ascii=False)
    write_bytes(os.path.join(out.root, rel), text, "utf-8")
    out.files.append((rel, "top-level array, flat snake_case, kelurahan {kode,nama}, one line", "sipuk-json"))


def gen_ndjson_delta(rng, regions, people, out):
    """NDJSON with CRLF, BOM, blank lines, records in two shapes (nested domisili / flat), a cut-off last line."""
    rel = "exports/jakpreneur-delta-2024-11-30.ndjson"
    st = Style(flavour="json", nik=["plain", "plain", "dotted"], phone=["plain", "+62", "62", "dash"], date=["iso", "dmy/"], q=0.4, bad=0.14,
               fields=["name", "nik", "phone", "email", "birthDate", "gender", "kelurahan", "kecamatan", "sector"])
    lines = []
    lineno = 0
    text = BOMCH
    for i in range(90):
        code, title, d0 = training(rng)
        r = build(rng, regions, people, st, train=d0)
        j = jsonish(rng, r)
        if rng.random() < 0.5:
            rec = {"id": "JP-2024-%05d" % (5000 + i), "nama": j.get("name"), "nik": j.get("nik"), "hp": j.get("phone"),
                   "email": j.get("email"), "tgl_lahir": j.get("birthDate"), "jenis_kelamin": j.get("gender"),
                   "domisili": {"kel": j.get("kelurahan"), "kec": j.get("kecamatan")},
                   "pelatihan": [{"kode": code, "nama": title, "tanggal": d0.isoformat()}]}
            r.tag("json:shape-nested-domisili")
        else:
            rec = {"id": "JP-2024-%05d" % (5000 + i), "nama": j.get("name"), "nik": j.get("nik"), "no_hp": j.get("phone"),
                   "email": j.get("email"), "tgl_lahir": j.get("birthDate"), "jenis_kelamin": j.get("gender"),
                   "kelurahan": j.get("kelurahan"), "kecamatan": j.get("kecamatan"),
                   "pelatihan": [{"kode": code, "nama": title, "tanggal": d0.isoformat()}]}
            r.tag("json:shape-flat")
        if rng.random() < 0.12 and "hp" in rec and isinstance(j.get("phone"), str) and j.get("phone") not in ("", "-") \
                and not any(x in r.invalid for x in ("phone-format", "phone-indonesian")):
            second = rng.choice(MOBILE_PREFIXES) + "12345678"
            rec["hp"] = [j.get("phone"), second]
            r.exp["phones"] = (r.exp.get("phones") or []) + [e164(second)]
            r.tag("json:phone-as-array")
            r.debate("phone given as a JSON array of numbers")
        if rng.random() < 0.06:
            text += "\r\n"
            lineno += 1
        lineno += 1
        r.ref_loc = "line:%d" % lineno
        text += json.dumps(rec, ensure_ascii=False) + "\r\n"
        out.add(rel, r, {}, {"name": "nama", "nik": "nik", "phone": "hp|no_hp", "email": "email", "birthDate": "tgl_lahir",
                             "kelurahan": "domisili.kel|kelurahan", "kecamatan": "domisili.kec|kecamatan"})
    # the nightly copy was cut off mid-record
    lineno += 1
    r = build(rng, regions, people, st)
    r.ref_loc = "line:%d" % lineno
    r.bad("malformed-record", "json:truncated-last-line")
    text += json.dumps({"id": "JP-2024-09999", "nama": r.p.name, "nik": r.p.nik})[:40]
    out.add(rel, r, {}, {})
    write_bytes(os.path.join(out.root, rel), text, "utf-8")
    out.files.append((rel, "NDJSON: BOM, CRLF, blank lines, two shapes, phone arrays, truncated last line", "jakpreneur"))


def gen_jsonl_halal(rng, regions, people, out):
    """JSONL from a halal-certification portal: nested peserta/usaha, numbers everywhere."""
    rel = "exports/portal-halal-peserta.jsonl"
    st = Style(flavour="json", nik=["plain"], phone=["8", "62", "plain"], date=["iso", "dmy-"], q=0.35, bad=0.12,
               fields=["name", "nik", "phone", "email", "birthDate", "gender", "kelurahan", "kecamatan"])
    text = ""
    for i in range(80):
        code, title, d0 = ("HALAL-CLD-02", "Pendampingan Sertifikasi Halal Cilandak", dt.date(2024, 9, 23))
        r = build(rng, regions, people, st, train=d0)
        j = jsonish(rng, r)
        rec = {"no_registrasi": "SH-%06d" % (300000 + i),
               "peserta": {"nama": j.get("name"), "nik": j.get("nik"), "telepon": j.get("phone"), "surel": j.get("email"),
                           "tanggal_lahir": j.get("birthDate"), "jk": j.get("gender")},
               "usaha": {"nama_usaha": "Usaha %s" % r.p.name.split()[0], "produk": r.p.sector,
                         "lokasi": {"kelurahan": j.get("kelurahan"), "kecamatan": j.get("kecamatan")}},
               "pelatihan": [{"kode": code, "nama": title, "tanggal": d0.isoformat()}]}
        r.ref_loc = "line:%d" % (i + 1)
        text += json.dumps(rec, ensure_ascii=False) + "\n"
        out.add(rel, r, {}, {"name": "peserta.nama", "nik": "peserta.nik", "phone": "peserta.telepon", "email": "peserta.surel",
                             "birthDate": "peserta.tanggal_lahir", "kelurahan": "usaha.lokasi.kelurahan",
                             "kecamatan": "usaha.lokasi.kecamatan"})
    write_bytes(os.path.join(out.root, rel), text, "utf-8")
    out.files.append((rel, "JSONL, deeply nested (configured paths)", "halal"))


# ---------------------------------------------------------------------------
# XML feeds


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def feed_rows(rng, regions, people, n, fields, train):
    st = Style(fields=fields, q=0.45, bad=0.16, honor=0.3, place_prob=0.4)
    recs = []
    for i in range(n):
        r = build(rng, regions, people, st, train=train)
        recs.append(r)
    return recs


def gen_rss(rng, regions, people, out):
    rel = "feeds/berita-ppkukm-jaksel-okt.xml"
    items = []
    tables = [("ppkukm-20241003-peserta-wuib-tbt-3", "Daftar Peserta Pelatihan WUIB Kerajinan Tas Tebet Angkatan 3",
               "Thu, 03 Oct 2024 10:00:00 +0700", dt.date(2024, 10, 3), 30),
              ("ppkukm-20241016-peserta-mpp-1", "Pengumuman Peserta Pelatihan Menjahit Mampang Prapatan",
               "Rabu, 16 Oktober 2024 09:30 WIB", dt.date(2024, 10, 16), 28)]
    body_items = []
    for guid, title, pub, d, n in tables:
        recs = feed_rows(rng, regions, people, n, ["name", "kelurahan", "kecamatan", "sector"], d)
        masked_col = guid.endswith("mpp-1")
        rows_html = []
        rowno = 0
        for r in recs:
            name = esc(r.f.get("name", ""))
            if rng.random() < 0.1 and name:
                name = "<b>%s</b>" % name
                r.tag("xml:bold-name")
            if rng.random() < 0.06 and name and " " in r.f.get("name", ""):
                name = name.replace(" ", "&nbsp;", 1)
                r.tag("xml:nbsp-entity-in-name")
            masked = "%s****%s" % (r.p.phone_local[:4], r.p.phone_local[-3:])
            rowno += 1
            r.ref_loc = "item:%s/row:%d" % (guid, rowno)
            r.exp["phones"] = []
            r.exp["nik"] = None
            r.exp["birthDate"] = None
            r.exp["email"] = None
            if masked_col:
                rows_html.append("<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>" % (
                    rowno, name, esc(r.f.get("kelurahan", "")), esc(r.f.get("kecamatan", "")), masked))
                r.tag("xml:masked-phone-column")
                r.f["phone"] = masked
                r.debate("news tables mask phones for privacy (0812****345): a redacted number, not a malformed one")
            else:
                rows_html.append("<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>" % (
                    rowno, name, esc(r.f.get("kelurahan", "")), esc(r.f.get("kecamatan", ""))))
            out.add(rel, r, {}, {"name": "Nama Peserta", "kelurahan": "Kelurahan", "kecamatan": "Kecamatan",
                                 "phone": "No. HP (disamarkan)"})
        # totals row
        rr = Rec(None); rr.nonrecord = True; rr.tag("nonrecord:feed-totals-row")
        rowno += 1
        rr.ref_loc = "item:%s/row:%d" % (guid, rowno)
        if masked_col:
            rows_html.append('<tr><td colspan="4"><b>Jumlah peserta</b></td><td>%d orang</td></tr>' % n)
        else:
            rows_html.append('<tr><td><b>Jumlah</b></td><td>%d orang</td><td></td><td></td></tr>' % n)
        out.add(rel, rr, {}, {})
        table = ('<table border="1"><thead><tr><th>No</th><th>Nama Peserta</th><th>Kelurahan</th><th>Kecamatan</th>'
                 + ('<th>No. HP (disamarkan)</th>' if masked_col else '') +
                 '</tr></thead><tbody>\n%s\n</tbody></table>' % "\n".join(rows_html))
        body = "<p>Berikut daftar peserta yang dinyatakan lolos seleksi.</p>\n" + table + "\n<p>Peserta wajib membawa KTP.</p>"
        body_items.append("""    <item>
      <title>%s</title>
      <link>https://berita.example.invalid/%s</link>
      <guid isPermaLink="false">%s</guid>
      <pubDate>%s</pubDate>
      <description>%s</description>
      <content:encoded><![CDATA[%s]]></content:encoded>
    </item>""" % (esc(title), guid, guid, pub, esc(title), body))
    # an announcement that lists partly masked NIKs, as many do
    guid = "ppkukm-20241101-penerima-mesin-jahit"
    recs = feed_rows(rng, regions, people, 12, ["name", "kelurahan", "sector"], dt.date(2024, 11, 1))
    rows_html = []
    for i, r in enumerate(recs, 1):
        r.ref_loc = "item:%s/row:%d" % (guid, i)
        masked = r.p.nik[:6] + "********" + r.p.nik[-2:]
        r.f["nik"] = masked
        r.exp.update(phones=[], nik=None, birthDate=None, email=None, kecamatanCode=None)
        r.tag("xml:masked-NIK-column")
        r.debate("announcements publish NIKs partly masked (317401********01): redacted, not malformed")
        rows_html.append("<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>" % (i, esc(r.f.get("name", "")), masked,
                                                                              esc(r.f.get("kelurahan", ""))))
        out.add(rel, r, {}, {"name": "Nama", "nik": "NIK", "kelurahan": "Kelurahan"})
    table = ('<table><thead><tr><th>No</th><th>Nama</th><th>NIK</th><th>Kelurahan</th></tr></thead><tbody>%s</tbody></table>'
             % "".join(rows_html))
    body_items.append("""    <item>
      <title>Penerima Bantuan Mesin Jahit Alumni WUIB</title>
      <link>https://berita.example.invalid/%s</link>
      <guid isPermaLink="false">%s</guid>
      <pubDate>Fri, 01 Nov 2024 14:00:00 +0700</pubDate>
      <content:encoded><![CDATA[<p>Daftar penerima:</p>%s]]></content:encoded>
    </item>""" % (guid, guid, table))
    body_items.append("""    <item>
      <title>Sudin PPKUKM Gelar Bazar UMKM di Taman Langsat</title>
      <link>https://berita.example.invalid/bazar</link>
      <guid isPermaLink="false">ppkukm-20241020-bazar</guid>
      <pubDate>Sun, 20 Oct 2024 08:00:00 +0700</pubDate>
      <description>Bazar produk UMKM binaan Jakpreneur digelar akhir pekan ini.</description>
    </item>""")
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Berita Sudin PPKUKM Jakarta Selatan</title>
    <link>https://berita.example.invalid/</link>
    <description>Kabar kegiatan UMKM</description>
%s
  </channel>
</rss>
""" % "\n".join(body_items)
    write_bytes(os.path.join(out.root, rel), xml, "utf-8")
    out.files.append((rel, "RSS 2.0, two participant tables with masked phones and totals rows, Indonesian pubDate", "berita"))


def gen_atom(rng, regions, people, out):
    rel = "feeds/kecamatan-jagakarsa.atom.xml"
    guid = "tag:jagakarsa.example.invalid,2024:peserta-kuliner-1"
    recs = feed_rows(rng, regions, people, 26, ["name", "kelurahan", "sector"], dt.date(2024, 8, 15))
    rows = ["<tr><td><strong>No</strong></td><td><strong>Nama</strong></td><td><strong>Asal Kelurahan</strong></td>"
            "<td><strong>Jenis Usaha</strong></td></tr>"]
    for i, r in enumerate(recs, 1):
        name = esc(r.f.get("name", ""))
        if rng.random() < 0.08 and name.strip():
            name = name + "<br/>(" + esc(r.p.sector) + ")"
            r.tag("xml:br-inside-name-cell")
        r.exp.update(kecamatanCode=None, phones=[], nik=None, birthDate=None, email=None)
        r.ref_loc = "item:%s/row:%d" % (guid, i)
        rows.append("<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>" % (i, name, esc(r.f.get("kelurahan", "")),
                                                                              esc(r.p.sector)))
        r.tag("xml:atom-header-row-in-td-strong")
        out.add(rel, r, {}, {"name": "Nama", "kelurahan": "Asal Kelurahan"})
    html = "<p>Peserta pelatihan olahan pangan:</p><table>" + "".join(rows) + "</table>"
    xml = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Kecamatan Jagakarsa</title>
  <id>tag:jagakarsa.example.invalid,2024:feed</id>
  <updated>2024-08-15T09:00:00+07:00</updated>
  <entry>
    <title>Peserta Pelatihan Olahan Pangan Jagakarsa</title>
    <id>%s</id>
    <updated>2024-08-15T09:00:00+07:00</updated>
    <link href="https://jagakarsa.example.invalid/peserta-kuliner-1"/>
    <content type="html">%s</content>
  </entry>
</feed>
""" % (guid, esc(html))
    write_bytes(os.path.join(out.root, rel), xml, "utf-8")
    out.files.append((rel, "Atom, escaped HTML table without thead (header row is <td><strong>)", "berita"))


# ---------------------------------------------------------------------------
# pipeline and truth


def pipeline(root):
    rules = json.load(open(os.path.join(REPOSITORY, "pipeline.json")))["stages"][3]["options"]["rules"]
    cfg = {
        "version": 1,
        "workDirectory": ".muster",
        "maxQuarantinedShare": 0.2,
        "sources": [
            {"id": "gform", "importer": "csv-signup", "files": ["sheets/gform-*.csv"], "options": {"programme": "PENDAFTARAN-2024"}},
            {"id": "daftar-hadir", "importer": "csv-signup", "files": ["sheets/daftar-hadir-*.csv"],
             "options": {"sessionFromFileName": "daftar-hadir-(.+)\\.csv"}, "maxQuarantinedShare": 0.5},
            {"id": "rekap", "importer": "csv-signup", "files": ["sheets/rekap-*.csv"]},
            {"id": "wa", "importer": "csv-signup", "files": ["sheets/list-wa-*.csv"], "options": {"programme": "UMKM-CLD-2024"}},
            {"id": "rptra", "importer": "csv-signup", "files": ["sheets/*.txt"], "options": {"programme": "RPTRA-KLB-2024"}},
            {"id": "sipuk", "importer": "csv-signup", "files": ["sheets/ekspor-*.csv"]},
            {"id": "jakpreneur", "importer": "json-export", "files": ["exports/jakpreneur-*.json", "exports/jakpreneur-*.ndjson"]},
            {"id": "sipuk-json", "importer": "json-export", "files": ["exports/sipuk-*.json"],
             "options": {"records": "$", "fields": {"name": "nama_lengkap", "nik": "no_ktp", "phone": "no_telp",
                                                    "birthDate": "tanggal_lahir", "kelurahan": "kelurahan.nama"}}},
            {"id": "halal", "importer": "json-export", "files": ["exports/*.jsonl"],
             "options": {"fields": {"name": "peserta.nama", "nik": "peserta.nik", "phone": "peserta.telepon",
                                    "email": "peserta.surel", "birthDate": "peserta.tanggal_lahir", "gender": "peserta.jk",
                                    "kelurahan": "usaha.lokasi.kelurahan", "kecamatan": "usaha.lokasi.kecamatan",
                                    "sector": "usaha.produk", "externalID": "no_registrasi"}}},
            {"id": "berita", "importer": "xml-news", "files": ["feeds/*.xml"]},
        ],
        "stages": [
            {"type": "ingest", "options": {"batchSize": 512}},
            {"type": "normalize", "options": {"area": "31.74"}},
            {"type": "dedupe", "options": {"threshold": 0.95}},
            {"type": "validate", "options": {"rules": rules}},
            {"type": "export", "options": {"registry": ".muster/registry.sqlite"}},
        ],
    }
    with open(os.path.join(root, "pipeline.json"), "w") as fh:
        json.dump(cfg, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


def finish_truth(r):
    """Last checks on a record's truth that depend on the final values."""
    if r.nonrecord:
        return
    # age judged at the training date (or today)
    b = r.exp.get("birthDate")
    if b and "birth-date-real" not in r.invalid and "age-range" not in r.invalid:
        bd = dt.date.fromisoformat(b)
        ref = r.train or TODAY
        if bd > TODAY or not (10 <= age_at(bd, ref) <= 100):
            r.invalid.append("age-range")
            r.tag("birth:age-out-of-range(base)")
            r.bad_tags.append("birth:age-out-of-range(base)")


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(64)
    root = os.path.abspath(args[0])
    seed = 20241
    wil = DEFAULT_WILAYAH
    if "--seed" in args:
        seed = int(args[args.index("--seed") + 1])
    if "--wilayah" in args:
        wil = args[args.index("--wilayah") + 1]
    rng = random.Random(seed)
    regions = Regions(wil)
    people = [make_person(rng, regions, i) for i in range(700)]
    os.makedirs(root, exist_ok=True)
    out = Out(root)
    for g in (gen_gform_en, gen_gform_id, gen_daftar_hadir_mpp, gen_daftar_hadir_psg, gen_absensi_halal,
              gen_daftar_hadir_kbl, gen_rekap, gen_rekap_kelurahan, gen_umkm_binaan, gen_label_block, gen_mixed_encoding, gen_wa_list, gen_unicode_text, gen_pipe,
              gen_json_jakpreneur, gen_json_flat_array, gen_ndjson_delta, gen_jsonl_halal, gen_rss, gen_atom):
        g(rng, regions, people, out)
    pipeline(root)
    with open(os.path.join(root, "truth.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["ref", "status", "reasons", "bad_tags", "tags", "debatable", "exp_name", "exp_nik", "exp_phones", "exp_email",
                    "exp_birthDate", "exp_kelurahanCode", "exp_kecamatanCode", "train_date", "raw", "person"])
        for r in out.records:
            finish_truth(r)
            e = r.exp
            w.writerow([r.ref, r.status, " ".join(dict.fromkeys(r.invalid)), " ".join(dict.fromkeys(r.bad_tags)),
                        " ".join(dict.fromkeys(r.tags)),
                        " | ".join(r.debatable),
                        e.get("name") or "", e.get("nik") or "", " ".join(e.get("phones") or []), e.get("email") or "",
                        e.get("birthDate") or "", e.get("kelurahanCode") or "", e.get("kecamatanCode") or "",
                        r.train.isoformat() if r.train else "",
                        json.dumps(r.f, ensure_ascii=False), r.p.idx if r.p is not None else ""])
    with open(os.path.join(root, "rows.jsonl"), "w", encoding="utf-8") as fh:
        for r in out.records:
            fh.write(json.dumps({"ref": r.ref, "cells": r.cells, "columns": r.colmap, "fields": r.f}, ensure_ascii=False) + "\n")
    with open(os.path.join(root, "files.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "source", "description", "records"])
        for rel, desc, src in out.files:
            w.writerow([rel, src, desc, sum(1 for r in out.records if r.file == rel)])
    n = len(out.records)
    inv = sum(1 for r in out.records if r.status == "INVALID")
    non = sum(1 for r in out.records if r.status == "NONRECORD")
    print("%s: %d files, %d records (%d invalid, %d non-records) — seed %d, judged at %s" %
          (root, len(out.files), n, inv, non, seed, TODAY.isoformat()))


if __name__ == "__main__":
    main()
