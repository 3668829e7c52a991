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
)
#: pronouns that point back to the last speaker
PRONOUNS = ("dia", "ia", "beliau")

#: words of roles and institutions that precede a name and are not part of it
ROLE_WORDS = frozenset(
    """
    kepala wakil menteri gubernur bupati walikota wali kota sekda sekretaris daerah deputi
    direktur jenderal dirjen ketua presiden rektor dekan camat lurah kabag kabid kasubag
    kasi plt plh pj kapolda kapolres kapolri kajati kajari inspektur asisten staf ahli
    khusus utama umum bidang badan dinas kementerian kantor pusat balai biro bagian
    provinsi kabupaten kab kota negeri dalam luar republik indonesia ri pemerintah pemkab
    pemkot pemprov pendayagunaan aparatur negara reformasi birokrasi sumber daya manusia
    pengembangan kompetensi penyelenggaraan pelatihan pendidikan kepegawaian administrasi
    lembaga nasional regional perwakilan kanwil kantor wilayah unit kerja divisi seksi
    subbagian koordinator ketua dprd anggota komisi direksi komisaris manajer pimpinan
    kapuslatbang puslatbang kdod bkn lan bkd bkpsdm bpsdm kemenpanrb panrb kemendagri
    universitas fakultas program studi guru besar dosen peneliti analis pejabat fungsional
    struktural penjabat pelaksana harian tugas sekretariat setda setjen inspektorat
    selaku sebagai yang terhormat bapak ibu saudara sdr
    """.split()
)
#: titles written before a name
TITLES = frozenset("dr drs dra prof ir h hj kh k.h tn ny nn sdr sdri st".split())
