"""Word lists for attributing speech in Indonesian news releases.

Compiled by the pidato team from the reporting conventions of Indonesian news
writing (general knowledge), 2026-11-28.
"""

from __future__ import annotations

#: verbs that follow a quotation: “...,” jelas Basseng / “...” pungkasnya
SAY_AFTER = (
    "jelas", "kata", "ujar", "ungkap", "tegas", "tutur", "imbuh", "tambah", "terang",
    "papar", "sebut", "lanjut", "ucap", "pesan", "harap", "ajak", "pinta", "pungkas",
    "kata", "seru", "sambung", "tandas", "timpal", "urai", "beber", "akui", "klaim",
    "jawab", "tanya", "katakan", "ingat", "nilai", "sambut", "tukas", "kisah",
    "kilah", "sergah", "tutup", "cerita", "aku",
)
#: verbs that introduce speech, direct (with a colon or comma) or reported (with bahwa)
SAY_BEFORE = (
    "mengatakan", "menyampaikan", "menegaskan", "menjelaskan", "mengungkapkan",
    "berkata", "menuturkan", "mengingatkan", "berpesan", "menambahkan", "memaparkan",
    "menekankan", "menyatakan", "menilai", "berharap", "meminta", "mengajak",
    "mengimbau", "menerangkan", "menyebutkan", "menyebut", "mengakui", "melaporkan",
    "menginstruksikan", "mengharapkan", "mendorong", "berujar", "bertutur", "menandaskan",
    "menguraikan", "membeberkan", "mengemukakan", "menggarisbawahi", "mengapresiasi",
    "menyarankan", "mengusulkan", "menyoroti", "menyinggung", "memaparkan", "mengimbau",
    "menjawab", "menanggapi", "mengkritik", "memastikan", "menargetkan", "berjanji",
    "membenarkan", "membantah", "menampik", "menepis", "mencontohkan",
    "mengaku", "menganggap", "berpendapat", "meyakini", "mengklaim", "memandang",
    "mewanti-wanti", "menyerukan", "memungkiri", "mengecam", "mengutuk", "mengimbuhkan",
    "mengungkit", "memuji", "mendesak", "mengkritisi", "mengumumkan", "mengonfirmasi",
    "memperingatkan", "menceritakan", "mengisahkan", "bercerita", "mengungkap", "menduga",
    "menyayangkan", "menyesalkan", "menginginkan", "mendukung", "menyambut", "menerangkan",
    "mengutip", "berdalih", "mempertanyakan", "menyuarakan", "menuliskan", "yakin", "percaya",
)
#: pronouns that point back to the last speaker
PRONOUNS = ("dia", "ia", "beliau", "pihaknya")
#: capitalised words that open a sentence but are no speaker: pronouns of the speaker's
#: own words, determiners, conjunctions
NOT_SPEAKERS = frozenset(
    "saya aku kami kita anda kalian mereka ini itu hal hari semua seluruh para "
    "tetapi tapi namun dan atau karena sehingga jika kalau maka lalu kemudian bahkan justru padahal".split()
)
#: role words, titles and ranks are data: data/roles.txt, data/titles.txt,
#: data/role_abbreviations.tsv (read by pidato.text.people)
