import pytest

from pidato import InputError
from pidato.text.tokens import tokenize


def _pairs(text, **kw):
    return [(t.text, t.kind) for t in tokenize(text, **kw)]


@pytest.mark.parametrize(
    ("text", "token", "kind"),
    [
        ("jalannya masih tertatih-tatih.", "tertatih-tatih", "word"),
        ("kebijakan-kebijakan baru", "kebijakan-kebijakan", "word"),
        ("melalui SP4N-LAPOR! hari ini", "SP4N-LAPOR", "word"),
        ("ASN dan LAN RI", "ASN", "word"),
        ("lihat https://www.lan.go.id/berita?id=12.", "https://www.lan.go.id/berita?id=12", "url"),
        ("kirim ke humas@bkn.go.id segera", "humas@bkn.go.id", "email"),
        ("ikuti @kemenpanrb", "@kemenpanrb", "mention"),
        ("#ASNBerAKHLAK bangga", "#ASNBerAKHLAK", "hashtag"),
        ("sebesar Rp 1.250.000,50", "1.250.000,50", "number"),
        ("naik 12,5% tahun ini", "12,5%", "number"),
        ("pada 13/05/2022 lalu", "13/05/2022", "number"),
        ("mulai pk. 09.00 WITA", "09.00", "number"),
        ("Rp1.500.000", "Rp", "currency"),
        ("Drs. H. Ahmad, S.H., M.Si. hadir", "S.H.", "abbrev"),
        ("Dr. Basseng., M.Ed hadir", "M.Ed", "abbrev"),
        ("Jum'at pagi", "Jum'at", "word"),
    ],
)
def test_single_tokens(text, token, kind):
    assert (token, kind) in _pairs(text)


def test_slash_pair_is_two_words():
    assert _pairs("WBK/WBBM") == [("WBK", "word"), ("/", "punct"), ("WBBM", "word")]


def test_offsets_slice_back():
    text = "“Birokrasi—bersih” di Jl. Merdeka No. 12, https://x.id. Selesai…"
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text


def test_clitics_split_only_when_not_a_root():
    roots = {"masalah", "buku", "hanya"}
    got = _pairs("pelayanannya masalah bukunya hanya", split_clitics=True, is_root=roots.__contains__)
    assert got == [("pelayanan", "word"), ("nya", "clitic"), ("masalah", "word"), ("buku", "word"), ("nya", "clitic"), ("hanya", "word")]


def test_bare_non_string_raises():
    with pytest.raises(InputError):
        tokenize(["bukan", "string"])
