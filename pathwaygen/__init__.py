"""pathwaygen: turn the caption of a pathway figure into a pathway diagram.

Data flows one way: record -> text -> mentions -> statements -> graph -> layout -> writers.
"""

__version__ = "0.1.0"
GENERATOR = f"pathwaygen {__version__}"
