"""Entities: named-entity recognition (stage "ner"); coreference and linking come later."""
