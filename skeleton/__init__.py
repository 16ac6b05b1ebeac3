"""Skeletons of operation input and output, and the merge of --cli-input-json/yaml."""
