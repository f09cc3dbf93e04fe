"""What a reader typed in the search box, read once: `parse_query(text)` -> `ParsedQuery`.

The syntax is PostgreSQL's `websearch_to_tsquery` (the one search engines taught people):

- words are all required: `nuclear deterrence`;
- `"a quoted phrase"` needs its words in that order, side by side; a quote left open runs to the
  end (`"nuclear` is the word nuclear);
- `or` (any case) between two words or phrases offers either: `baltic or arctic`;
- `-word` or `-"a phrase"` excludes every publication that holds it.

Where `websearch_to_tsquery` reads things people do not mean, the parser differs, on purpose:
a lone `-` (`Korea - Japan`, `- -`) is punctuation, not an exclusion of the next word; an `or`
with nothing to join (`or`, `war or`) or next to an exclusion (`a or -b`) is ignored rather
than searched as a word or turned into "a or not b"; `--word` excludes the word.

Every consumer takes its meaning from the one `ParsedQuery`: the full text search (its
`tsquery()`, `excluded_tsquery()`), the typo-tolerant title and author matches and "did you
mean" (`fuzzy_texts()`: positive, unquoted words only, so an excluded word is never brought
back and a phrase stays exact; their matches must still hold the phrases and none of the
exclusions: `phrase_tsquery()`), the ranking (`any_word_tsquery()`), and the plain substring
match of SQLite and of rows whose vectors are not computed yet (`Term.variants()`).

Punctuation inside a word is read the same way on both sides, here for the query and by the
SQL function `publications_search_text` (migration 0015) for the indexed text: letters joined
by dots are one word (`U.S.` = `US`, `A.I.` = `AI`), and a hyphen or slash between letters or
digits separates words (`COVID-19` = `COVID 19`, `AUKUS/Quad` = `AUKUS Quad`). A word typed
with such punctuation, or mixing letters and digits, also matches its joined form:
`COVID-19` finds "COVID-19", "Covid 19" and "COVID19"; `e-mail` finds "e-mail" and "email";
`5G` finds "5G" and "5 G". Whatever else a word holds (`R&D`, `l'Europe`, an e-mail address,
`3.5`) is left to PostgreSQL's text search parser, which reads the query and the text alike.
Accents and case never matter (see `fold`).
"""

import itertools
import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200
# The typo-tolerant part compares whole alternatives of the query ("a b or c" gives "a b" and
# "a c"); beyond this many, only the first ones (each is one more trigram index condition).
MAX_FUZZY_TEXTS = 4

_WORD = re.compile(r"\w")
# The same two rules as the SQL function `publications_search_text` (migration 0015); a test
# compares both on the same samples.
_ACRONYM_DOT = re.compile(r"(?<!\w)([^\W\d_])\.(?=[^\W\d_](?:\.|(?!\w)))")
_JOINER = re.compile(r"(?<=[^\W_])[-/\u2010\u2011](?=[^\W_])")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
# Letters that Unicode does not decompose but PostgreSQL's unaccent rules fold.
_UNACCENT_EXTRA = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
        "’": "'",
        "‘": "'",
    }
)


def printable(value):
    """`value` as text without NUL and other control characters (PostgreSQL refuses NUL)."""
    return "".join(ch for ch in str(value or "") if ch.isprintable())


def _normalize(value):
    return " ".join(printable(value).split())[:MAX_QUERY_LENGTH]


def clean_query(value):
    """The user's query made safe to use: printable, spaces folded, at most MAX_QUERY_LENGTH
    characters; "" when nothing searchable is left (only punctuation, spaces, a lone `or`...)."""
    value = _normalize(value)
    return value if _parse(value) else ""


def search_text(value):
    """`value` with the punctuation rules above applied (the Python twin of the SQL function
    `publications_search_text`): `"U.S.-led e-mail"` -> `"US.-led e mail"`."""
    return _JOINER.sub(" ", _ACRONYM_DOT.sub(r"\1", value))


def unaccent(value):
    """`value` without accents, as PostgreSQL's `unaccent` gives it for Latin scripts:
    `"Lefèvre São Paulo Œuvre straße"` -> `"Lefevre Sao Paulo OEuvre strasse"`."""
    decomposed = unicodedata.normalize("NFKD", value.translate(_UNACCENT_EXTRA))
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def fold(value):
    """What the substring match compares (SQLite, unindexed rows): punctuation rules applied,
    accents removed, case folded: `"COVID-19 à São Paulo"` -> `"covid 19 a sao paulo"`."""
    return unaccent(search_text(str(value or ""))).casefold()


def _pieces(word):
    """The words PostgreSQL's parser will see in `word` once the punctuation rules apply."""
    return [piece for piece in search_text(word).split() if _WORD.search(piece)]


def word_forms(word):
    """The forms one typed word is searched as, each a space-separated run of pieces that must
    be side by side: `"COVID-19"` -> `("COVID19", "COVID 19")`; `"5G"` -> `("5G", "5 G")`;
    `"U.S."` -> `("US.",)`; `"nuclear"` -> `("nuclear",)`; `"--"` -> `()`."""
    pieces = _pieces(word)
    if not pieces:
        return ()
    spaced = " ".join(pieces)
    joined = "".join(pieces)
    split = _LETTER_DIGIT.sub(" ", spaced)
    forms = [joined]
    for form in (spaced, split):
        if form not in forms:
            forms.append(form)
    return tuple(forms)


def _quote(form):
    """A `to_tsquery` operand: quoted, so that PostgreSQL's parser reads `form` as text (its
    pieces become a phrase) and nothing in it is taken for an operator."""
    return "'" + form.replace("\\", "\\\\").replace("'", "''") + "'"


def _any_of(alternatives):
    alternatives = [a for a in alternatives if a]
    if len(alternatives) == 1:
        return alternatives[0]
    return "(" + " | ".join(alternatives) + ")" if alternatives else ""


@dataclass(frozen=True)
class Term:
    """One word, or the words of a quoted phrase (in order, side by side)."""

    words: tuple[str, ...]
    quoted: bool = False

    @property
    def text(self):
        return " ".join(self.words)

    def tsquery(self):
        """This term in `to_tsquery` syntax: `'covid19' | 'covid 19'`, words of a phrase joined
        by `<->`; "" when it holds no word."""
        parts = [_any_of([_quote(f) for f in word_forms(word)]) for word in self.words]
        parts = [part for part in parts if part]
        if len(parts) > 1:
            return "(" + " <-> ".join(parts) + ")"
        return parts[0] if parts else ""

    def variants(self):
        """Folded texts that contain this term (substring match): its words with their pieces
        spaced, and joined: `"COVID-19 vaccines"` -> `["covid 19 vaccines", "covid19 vaccines"]`."""
        pieces = [[_EDGE_PUNCTUATION.sub("", p) for p in _pieces(w)] for w in self.words]
        spaced = fold(" ".join(" ".join(p) for p in pieces))
        joined = fold(" ".join("".join(p) for p in pieces))
        return [v for v in dict.fromkeys((spaced, joined)) if v.strip()]

    def __str__(self):
        return f'"{self.text}"' if self.quoted else self.text


@dataclass(frozen=True)
class ParsedQuery:
    """A search: every `required` clause must match (a clause is one term, or alternatives
    joined by `or`); no `excluded` term may. Empty when nothing searchable was typed."""

    required: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    # --- The parts, by kind ---------------------------------------------------------------------
    @property
    def terms(self):
        """Required single words (not in a phrase, not an alternative)."""
        return tuple(c[0].text for c in self.required if len(c) == 1 and not c[0].quoted)

    @property
    def phrases(self):
        """Required quoted phrases (alone or as an alternative), as their texts."""
        return tuple(t.text for c in self.required for t in c if t.quoted)

    @property
    def or_groups(self):
        """Required clauses offering alternatives, each a tuple of texts."""
        return tuple(tuple(t.text for t in c) for c in self.required if len(c) > 1)

    @property
    def exclusions(self):
        return tuple(t.text for t in self.excluded)

    def __bool__(self):
        return bool(self.required or self.excluded)

    def __str__(self):
        """The query written back in its syntax: `nuclear "south korea" -japan`."""
        clauses = [" or ".join(str(t) for t in clause) for clause in self.required]
        return " ".join([*clauses, *(f"-{t}" for t in self.excluded)])

    # --- What each consumer reads ---------------------------------------------------------------
    def tsquery(self):
        """The required part in `to_tsquery` syntax (to be read by each text search
        configuration); "" when there is none."""
        clauses = [_any_of([t.tsquery() for t in clause]) for clause in self.required]
        return " & ".join(c for c in clauses if c)

    def excluded_tsquery(self):
        """Whatever an excluded term matches, in `to_tsquery` syntax ("" when none)."""
        return " | ".join(q for q in (t.tsquery() for t in self.excluded) if q)

    def any_word_tsquery(self):
        """Every form and piece of every required word OR-ed (what can give `ts_rank` a score);
        "" when there is none."""
        forms = []
        for clause in self.required:
            for term in clause:
                for word in term.words:
                    for form in (*word_forms(word), *_pieces(word)):
                        if form not in forms:
                            forms.append(form)
        return " | ".join(_quote(form) for form in forms)

    def fuzzy_texts(self):
        """The texts the typo-tolerant part compares with titles and names: one per way of
        choosing among the unquoted alternatives (at most MAX_FUZZY_TEXTS). Excluded words are
        never included, nor quoted phrases (a phrase is exact; see `phrase_tsquery`):
        `nuclear -korea` -> `["nuclear"]`; `iran or iraq sanctions` -> `["iran sanctions",
        "iraq sanctions"]`; `"south korea" nukes` -> `["nukes"]`; `"south korea"` -> `[]`."""
        choices = [[t for t in clause if not t.quoted] for clause in self.required]
        choices = [clause for clause in choices if clause]
        texts = []
        for choice in itertools.islice(itertools.product(*choices), MAX_FUZZY_TEXTS):
            text = " ".join(term.text for term in choice)
            if _WORD.search(text) and text not in texts:
                texts.append(text)
        return texts

    def phrase_tsquery(self):
        """The clauses made only of quoted phrases, in `to_tsquery` syntax: what a typo-tolerant
        match must still hold ("" when none)."""
        clauses = [
            _any_of([t.tsquery() for t in clause])
            for clause in self.required
            if all(t.quoted for t in clause)
        ]
        return " & ".join(c for c in clauses if c)

    def with_positive(self, text):
        """The query for `text` with this query's exclusions kept ("did you mean" links)."""
        rest = " ".join(f"-{t}" for t in self.excluded)
        return f"{text} {rest}".strip()


def _tokens(text):
    """(kind, value, negated) of each item: ("word", w, n), ("phrase", [words], n), ("or",)."""
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char.isspace():
            position += 1
            continue
        negated = False
        if char == "-":
            # A dash starting a token excludes what follows it directly; alone, it is nothing.
            end = position
            while end < length and text[end] == "-":
                end += 1
            if end == length or text[end].isspace():
                position = end
                continue
            negated, position = True, end
            char = text[position]
        if char == '"':
            close = text.find('"', position + 1)
            close = length if close < 0 else close
            yield ("phrase", text[position + 1 : close].split(), negated)
            position = close + 1
            continue
        end = position
        while end < length and not text[end].isspace() and text[end] != '"':
            end += 1
        word = text[position:end]
        position = end
        if not negated and word.casefold() == "or":
            yield ("or", None, False)
        else:
            yield ("word", word, negated)


def parse_query(text):
    """`ParsedQuery` of what a reader typed (any string: control characters are dropped, spaces
    folded, and only the first MAX_QUERY_LENGTH characters read)."""
    return _parse(_normalize(text))


def _parse(text):
    clauses, excluded = [], []
    pending_or = False
    previous_positive = False
    for kind, value, negated in _tokens(text):
        if kind == "or":
            pending_or = previous_positive
            continue
        words = (value,) if kind == "word" else tuple(value)
        term = Term(words=tuple(w for w in words if _WORD.search(w)), quoted=kind == "phrase")
        if not term.words or not term.tsquery():
            pending_or = previous_positive and pending_or
            continue
        if negated:
            if term not in excluded:
                excluded.append(term)
            pending_or = previous_positive = False
            continue
        if pending_or and clauses:
            if term not in clauses[-1]:
                clauses[-1] = (*clauses[-1], term)
        elif (term,) not in clauses:
            clauses.append((term,))
        pending_or, previous_positive = False, True
    return ParsedQuery(required=tuple(clauses), excluded=tuple(excluded))
