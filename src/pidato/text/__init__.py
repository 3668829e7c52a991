"""Stage 1, text: a release cleaned, cut into sentences and passages, tokenized with offsets,
stemmed, and its quoted speech given to its speaker.

>>> from pidato import text
>>> [t.text for t in text.tokenize("Pelayanan publik harus cepat.")][:2]
['Pelayanan', 'publik']
"""

from .aliases import alias_table, apply_aliases, canonical_names, read_aliases, speaker_aliases
from .analysis import Analyzer, analyze, stems_with_offsets
from .cleaning import find_boilerplate, find_dateline, find_headline, find_release_date, normalize
from .passages import PASSAGE_COLUMNS, SPEECH_GENRES, Passage, passages_of, split_passages
from .quotes import Attribution, attribute, clean_name
from .segmentation import Sentence, paragraph_spans, sentence_spans, sentences
from .stemming import Stemmer, normalize_variant, stem, stem_token
from .stopwords import is_stopword, load_stopwords
from .tokens import WORD_KINDS, Token, tokenize

__all__ = [
    "normalize", "find_boilerplate", "find_dateline", "find_headline", "find_release_date",
    "sentences", "Sentence", "sentence_spans", "paragraph_spans",
    "tokenize", "Token", "WORD_KINDS",
    "stem", "stem_token", "Stemmer", "normalize_variant",
    "load_stopwords", "is_stopword",
    "attribute", "clean_name", "Attribution",
    "split_passages", "passages_of", "Passage", "PASSAGE_COLUMNS", "SPEECH_GENRES",
    "analyze", "Analyzer", "stems_with_offsets",
    "apply_aliases", "speaker_aliases", "canonical_names", "read_aliases", "alias_table",
]
