"""Evaluation against gold data in ../shared/eval: scorers and the `eval` command."""
