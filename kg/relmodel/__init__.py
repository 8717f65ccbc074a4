"""The learned relation model: candidates, features, the model, its spaCy component and training."""
