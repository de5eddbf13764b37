"""The factor-index recipe of kette-bench's index benchmark, written plainly in numpy and pandas
(written for kette): the peer it runs side by side on the same CSV file.

Usage: python index_peer.py GISD.csv OUT.csv
Per dimension: the gap-filled indicator from a pooled least-squares fit on
[1, year^2 * unit mean, year * unit mean, the two other indicators] (on centred columns),
the first principal component of the standardised inputs (sample sd, as prcomp), turned to
correlate positively with the anchor, pooled min-max. Then the sum, a per-year min-max, deciles
(R type 9), the population-weighted Kreis mean with its own per-year min-max and quintiles.
Prints "PEER <seconds computing after reading> numpy <v> pandas <v>" on standard error.
"""
import sys
import time

import numpy as np
import pandas as pd

table = pd.read_csv(sys.argv[1], dtype={"gemeinde": str})
started = time.perf_counter()
year = table["jahr"].to_numpy(dtype=float)


def fill(target, others):
    y = table[target].to_numpy()
    unit_mean = table.groupby("gemeinde")[target].transform("mean").to_numpy()
    x = np.column_stack([year**2 * unit_mean, year * unit_mean] + [table[o].to_numpy() for o in others])
    complete = ~np.isnan(y) & ~np.isnan(x).any(axis=1)
    centre_x, centre_y = x[complete].mean(axis=0), y[complete].mean()
    slopes, *_ = np.linalg.lstsq(x[complete] - centre_x, y[complete] - centre_y, rcond=None)
    filled = y.copy()
    todo = np.isnan(y) & ~np.isnan(x).any(axis=1)
    filled[todo] = centre_y + (x[todo] - centre_x) @ slopes
    return filled


def component(columns, anchor):
    data = np.column_stack(columns)
    complete = ~np.isnan(data).any(axis=1)
    z = (data[complete] - data[complete].mean(axis=0)) / data[complete].std(axis=0, ddof=1)
    values, vectors = np.linalg.eigh(np.corrcoef(z, rowvar=False))
    score = np.full(len(data), np.nan)
    score[complete] = z @ vectors[:, np.argmax(values)]
    a = anchor[complete]
    if np.corrcoef(score[complete][~np.isnan(a)], a[~np.isnan(a)])[0, 1] < 0:
        score = -score
    return score


def min_max(values):
    return (values - np.nanmin(values)) / (np.nanmax(values) - np.nanmin(values))


def classes(values, n):
    present = values[~np.isnan(values)]
    breaks = np.quantile(present, np.arange(1, n) / n, method="normal_unbiased")
    out = (np.searchsorted(breaks, np.nan_to_num(values), side="left") + 1).astype(str).astype(object)
    out[np.isnan(values)] = ""
    return out


scores = []
for d in range(3):
    a, b, c = 3 * d, 3 * d + 1, 3 * d + 2
    filled = fill(f"i{a}", [f"i{b}", f"i{c}"])
    table[f"f{a}"] = filled
    dim = component([filled, table[f"i{b}"].to_numpy(), table[f"i{c}"].to_numpy()], table[f"i{c}"].to_numpy())
    scores.append(min_max(dim))
table["index"] = scores[0] + scores[1] + scores[2]
table["gisd"] = table.groupby("jahr")["index"].transform(lambda s: min_max(s.to_numpy()))
table["decile"] = ""
for _, rows in table.groupby("jahr").groups.items():
    table.loc[rows, "decile"] = classes(table.loc[rows, "gisd"].to_numpy(), 10)
table["level"] = "gemeinde"

table["kreis"] = table["gemeinde"].str[:5]
present = table[~table["index"].isna()]
weighted = (present["index"] * present["bevoelkerung"]).groupby([present["kreis"], present["jahr"]]).sum()
weights = present.groupby(["kreis", "jahr"])["bevoelkerung"].sum()
kreise = (weighted / weights).rename("index").reset_index().rename(columns={"kreis": "gemeinde"})
kreise["gisd"] = kreise.groupby("jahr")["index"].transform(lambda s: min_max(s.to_numpy()))
kreise["quintile"] = ""
for _, rows in kreise.groupby("jahr").groups.items():
    kreise.loc[rows, "quintile"] = classes(kreise.loc[rows, "gisd"].to_numpy(), 5)
kreise["level"] = "kreis"
kreise["decile"] = ""
table["quintile"] = ""
for a in (0, 3, 6):
    kreise[f"f{a}"] = np.nan
columns = ["gemeinde", "jahr", "level", "f0", "f3", "f6", "index", "gisd", "decile", "quintile"]
out = pd.concat([table[columns], kreise[columns]])
elapsed = time.perf_counter() - started
out.to_csv(sys.argv[2], index=False, float_format="%.17g")
print(f"PEER {elapsed} numpy {np.__version__} pandas {pd.__version__}", file=sys.stderr)
