"""How a refused document reports its problems: one `RecordError` per problem, naming where."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordError:
    """One problem: `message`, and where it is (document-level problems name no record).

    `str()` gives `publications[3] (slug "x"): isbn: message`, the form the command prints."""

    message: str
    section: str | None = None
    index: int | None = None
    slug: str | None = None
    key: str | None = None

    def __str__(self):
        where = self.section or ""
        if self.index is not None:
            where += f"[{self.index}]"
        if self.slug:
            where += f' (slug "{self.slug}")'
        parts = [part for part in (where, self.key, self.message) if part]
        return ": ".join(parts)


class InterchangeError(Exception):
    """The document was refused and nothing was written; `errors` lists every RecordError."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


@dataclass(frozen=True)
class Where:
    """A record of the document: section, index in it, and its slug when it has a usable one."""

    section: str
    index: int | None = None
    slug: str | None = None

    def error(self, key, message) -> RecordError:
        return RecordError(str(message), self.section, self.index, self.slug, key)
