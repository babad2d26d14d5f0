"""Independent reference values for the statistical-tests unit tests.

Run: python3 -m venv /tmp/ref && /tmp/ref/bin/pip install scipy scikit-learn statsmodels
     /tmp/ref/bin/python statistical-tests/src/test/python/reference_values.py
The printed values are copied into the Java tests, which name this script and the library versions.
"""
import numpy as np
import scipy
import sklearn
import statsmodels
from scipy.stats import norm
from sklearn.metrics import roc_auc_score
from statsmodels.stats.proportion import proportion_confint

print(f"scipy {scipy.__version__}, scikit-learn {sklearn.__version__}, statsmodels {statsmodels.__version__}")

for p in [1e-9, 0.001, 0.01, 0.02425, 0.05, 0.3, 0.5, 0.975, 0.995, 1 - 1e-9]:
    print(f"norm.ppf({p!r}) = {norm.ppf(p)!r}")

for k, n in [(0, 10), (3, 10), (10, 10), (45, 500), (1, 1000)]:
    lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    print(f"wilson({k}, {n}, 0.95) = ({lo!r}, {hi!r})")

pos = [0.9, 0.8, 0.8, 0.7, 0.3, 0.5, 0.5]
neg = [0.1, 0.5, 0.5, 0.2, 0.8, 0.3]
y = [1] * len(pos) + [0] * len(neg)
print(f"auroc(ties) = {roc_auc_score(y, pos + neg)!r}")
