"""The fact engine: load, validate and index the evidence base in data/.

Plain Python; it must never import mkdocs or material.
"""

from .check import CheckReport, check_data
from .factbase import FactBase
from .problems import Problem

__all__ = ["CheckReport", "FactBase", "Problem", "check_data"]
