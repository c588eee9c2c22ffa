"""The ground floor: plain Python that knows nothing of Textual or Rich."""
