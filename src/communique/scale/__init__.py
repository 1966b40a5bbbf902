"""Extraction past one machine: a Dask job over files or listings that writes a Parquet dataset.

`plan` cuts the inputs into tasks, `parts` turns a task's articles into month-partitioned Parquet
parts, `job` runs the tasks on a Dask cluster; `communique.store.bulk` loads the dataset.
Only `job` needs the optional `dask` extra.
"""
