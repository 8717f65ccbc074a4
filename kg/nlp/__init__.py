"""The Hindi NLP pipeline: spaCy's blank ``hi`` language plus kg's own components."""
