"""XML from files we did not write, read without a DTD, so without entities.

Workrave's exercises file is plain elements and text. A DOCTYPE is what
lets an XML file define entities (the "billion laughs" expansion, external
files pulled in by name): entities can only be declared inside one, so a
document that starts one is refused there, before any declaration in it is
read, the way defusedxml's forbid_dtd does. An entity used without a
declaration is Expat's own "undefined entity" error, and Expat never fetches
a file by itself. Expat builds the tree directly: comments and processing
instructions are never handed over.
"""

from __future__ import annotations

import xml.parsers.expat
from xml.etree.ElementTree import Element, TreeBuilder


class XmlRefused(ValueError):
    """Not XML we will read; the message says why, with a line and column when there is one."""


def parse_xml(data: bytes) -> Element:
    """The document's root element; raises XmlRefused for bad or unsafe XML."""
    builder = TreeBuilder()
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def on_doctype(*_: object) -> None:
        line, column = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
        raise XmlRefused(
            f"line {line}, column {column}: a DOCTYPE declaration is not allowed in an imported "
            "file (it could make the reader fetch other files or expand without end)"
        )

    parser.StartDoctypeDeclHandler = on_doctype
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as error:
        reason = xml.parsers.expat.ErrorString(error.code)
        raise XmlRefused(
            f"line {error.lineno}, column {error.offset + 1}: not well-formed XML ({reason})"
        ) from None
    root: Element = builder.close()
    return root
