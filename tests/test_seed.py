"""Acceptance on the seed release (../shared/seeds), read at run time."""

import pidato


def test_every_unit_slices_back(seed_text):
    for p in pidato.passages_of(seed_text):
        assert seed_text[p.start : p.end] == p.text
    for s in pidato.sentences(seed_text):
        assert seed_text[s.start : s.end] == s.text
    for t in pidato.tokenize(seed_text, split_clitics=True):
        assert seed_text[t.start : t.end] == t.text


def test_boilerplate_in_no_passage(seed_text):
    passages = [p.text for p in pidato.passages_of(seed_text)]
    for bad in ("Menu Close", "Skip to content", "#lanuntuknegeri", "#asnberakhlak", "(ler/ler)"):
        assert not any(bad in p for p in passages), bad


def test_names_survive_stemming_in_running_text(seed_text):
    stems = {seed_text[s:e]: st for st, s, e in pidato.stems_with_offsets(seed_text)}
    for name in ("Kutai", "Tarakan", "Berau", "Basseng"):
        assert stems[name] == name.lower()
        assert pidato.stem(name) == name.lower()


def test_speakers(seed_text):
    by_voice = {}
    for p in pidato.passages_of(seed_text):
        by_voice.setdefault(p.voice, []).append(p.speaker)
    assert by_voice["quote"] == ["Basseng", "Basseng"]
    assert by_voice["paraphrase"][-1] == "Muhammad Aswad"
