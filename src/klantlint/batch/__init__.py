"""Batch runs over call transcripts: parallel linting, streamed outputs, resumable runs."""
