//! `compute`: a new column from an arithmetic expression over columns, evaluated row by row:
//!
//! ```toml
//! [[step]]
//! kind = "compute"
//! output = "year2_income"
//! expression = "year^2 * mean_by_unit(income)"
//! ```
//!
//! `+ - * / ^`, parentheses, numbers, column names (a name with spaces or signs in backticks:
//! `` `Anteil 18-25` ``), and the group column (e.g. the year) as a number. Functions:
//! `mean_by_unit(x)` and `mean_by_group(x)` (the mean of x over the unit's rows, or over the
//! group's rows, of the step's level), `clamp(x, lo, hi)`, `min(a, b)`, `max(a, b)`, `abs`,
//! `sqrt`, `ln`, `exp`. A missing input, or a result that is not a finite number (a division by
//! zero), leaves the row without a value, and the run notes how many.

use serde::Deserialize;

use super::{Operation, StepContext};
use crate::frame::{cell_of, Column, MISSING};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Compute {
    pub output: String,
    pub expression: String,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

impl Operation for Compute {
    fn reads(&self) -> Vec<&str> {
        let mut names = vec![];
        if let Ok(expr) = parse(&self.expression) {
            expr.columns(&mut names);
        }
        names.dedup();
        names
    }

    fn writes(&self) -> Vec<String> {
        vec![self.output.clone()]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let expr = parse(&self.expression)
            .map_err(|(at, expected)| cx.invalid(format!("expression '{}', character {}: expected {expected}", self.expression, at + 1)))?;
        let values = evaluate(&expr, cx)?;
        cx.frame.set(&self.output, Column::Num(values));
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Expr<'a> {
    Number(f64),
    Column(&'a str),
    Negate(Box<Expr<'a>>),
    Binary(char, Box<Expr<'a>>, Box<Expr<'a>>),
    Call(&'a str, Vec<Expr<'a>>),
}

impl<'a> Expr<'a> {
    fn columns(&self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Number(_) => {}
            Expr::Column(name) => {
                if !out.contains(name) {
                    out.push(name)
                }
            }
            Expr::Negate(e) => e.columns(out),
            Expr::Binary(_, a, b) => {
                a.columns(out);
                b.columns(out);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.columns(out)),
        }
    }
}

/// The functions and how many arguments each takes.
const FUNCTIONS: &[(&str, usize)] =
    &[("mean_by_unit", 1), ("mean_by_group", 1), ("clamp", 3), ("min", 2), ("max", 2), ("abs", 1), ("sqrt", 1), ("ln", 1), ("exp", 1)];

/// A recursive-descent parser; an error is (byte offset, what was expected there).
struct Parser<'a> {
    text: &'a str,
    at: usize,
}

type Parsed<'a> = std::result::Result<Expr<'a>, (usize, String)>;

fn parse(text: &str) -> Parsed<'_> {
    let mut p = Parser { text, at: 0 };
    let expr = p.sum()?;
    p.skip_space();
    if p.at < text.len() {
        return Err((p.at, "an operator (+ - * / ^) or the end".into()));
    }
    Ok(expr)
}

impl<'a> Parser<'a> {
    fn skip_space(&mut self) {
        while self.text[self.at..].starts_with(char::is_whitespace) {
            self.at += self.text[self.at..].chars().next().map_or(1, char::len_utf8);
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_space();
        self.text[self.at..].chars().next()
    }

    fn sum(&mut self) -> Parsed<'a> {
        let mut left = self.product()?;
        while let Some(op @ ('+' | '-')) = self.peek() {
            self.at += 1;
            left = Expr::Binary(op, Box::new(left), Box::new(self.product()?));
        }
        Ok(left)
    }

    fn product(&mut self) -> Parsed<'a> {
        let mut left = self.power()?;
        while let Some(op @ ('*' | '/')) = self.peek() {
            self.at += 1;
            left = Expr::Binary(op, Box::new(left), Box::new(self.power()?));
        }
        Ok(left)
    }

    /// `^` binds tighter than a sign on its left (−x^2 = −(x^2)) and groups to the right.
    fn power(&mut self) -> Parsed<'a> {
        if self.peek() == Some('-') {
            self.at += 1;
            return Ok(Expr::Negate(Box::new(self.power()?)));
        }
        let base = self.primary()?;
        if self.peek() == Some('^') {
            self.at += 1;
            return Ok(Expr::Binary('^', Box::new(base), Box::new(self.power()?)));
        }
        Ok(base)
    }

    fn primary(&mut self) -> Parsed<'a> {
        let start = match self.peek() {
            Some(_) => self.at,
            None => return Err((self.at, "a number, a column or '('".into())),
        };
        let rest = &self.text[start..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '(' {
            self.at += 1;
            let inner = self.sum()?;
            return self.close(inner);
        }
        if c == '`' {
            let Some(end) = rest[1..].find('`') else { return Err((start, "a closing '`'".into())) };
            self.at = start + 1 + end + 1;
            return Ok(Expr::Column(&rest[1..1 + end]));
        }
        if c.is_ascii_digit() || c == '.' {
            let len = rest
                .char_indices()
                .find(|&(i, ch)| {
                    !(ch.is_ascii_digit()
                        || ch == '.'
                        || ((ch == 'e' || ch == 'E') && i > 0)
                        || ((ch == '+' || ch == '-') && matches!(rest[..i].chars().last(), Some('e' | 'E'))))
                })
                .map_or(rest.len(), |(i, _)| i);
            let number = rest[..len].parse::<f64>().map_err(|_| (start, format!("a number, not '{}'", &rest[..len])))?;
            self.at = start + len;
            return Ok(Expr::Number(number));
        }
        if c.is_alphabetic() || c == '_' {
            let len = rest.char_indices().find(|&(_, ch)| !(ch.is_alphanumeric() || ch == '_' || ch == '.')).map_or(rest.len(), |(i, _)| i);
            let name = &rest[..len];
            self.at = start + len;
            if self.peek() != Some('(') {
                return Ok(Expr::Column(name));
            }
            let Some(&(_, arity)) = FUNCTIONS.iter().find(|(f, _)| *f == name) else {
                let known: Vec<&str> = FUNCTIONS.iter().map(|(f, _)| *f).collect();
                return Err((start, format!("one of the functions {}, not '{name}'", known.join(", "))));
            };
            self.at += 1;
            let mut args = vec![self.sum()?];
            while self.peek() == Some(',') {
                self.at += 1;
                args.push(self.sum()?);
            }
            if args.len() != arity {
                return Err((start, format!("{arity} argument(s) for {name}, not {}", args.len())));
            }
            return self.close(Expr::Call(name, args));
        }
        Err((start, format!("a number, a column or '(', not '{c}'")))
    }

    fn close(&mut self, inner: Expr<'a>) -> Parsed<'a> {
        if self.peek() != Some(')') {
            return Err((self.at, "')'".into()));
        }
        self.at += 1;
        Ok(inner)
    }
}

/// One value per row; NaN where missing, which arithmetic carries along by itself.
type Values = Vec<f64>;

/// A result that is not a finite number (a division by zero) counts as missing.
fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        MISSING
    }
}

/// Both present, or missing: `f64::min` and `max` would pass over a NaN.
fn both(a: f64, b: f64, f: fn(f64, f64) -> f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        MISSING
    } else {
        f(a, b)
    }
}

fn evaluate(expr: &Expr, cx: &StepContext) -> Result<Values> {
    let n = cx.frame.len();
    Ok(match expr {
        Expr::Number(v) => vec![*v; n],
        Expr::Column(name) => {
            if cx.frame.column(name).is_none() && cx.frame.group_column.as_deref() == Some(*name) {
                // the group column (a year) as a number, each distinct group read once
                let mut by_group = Vec::with_capacity(cx.keys.group_names.len());
                for (g, name) in cx.keys.group_names.iter().enumerate() {
                    match crate::frame::read_number(name) {
                        Ok(v) => by_group.push(cell_of(v)),
                        Err(()) => {
                            let row = cx.keys.group.iter().position(|&k| k as usize == g).unwrap_or(0);
                            return Err(cx.invalid(format!("group '{name}' of row {} is not a number", row + 1)));
                        }
                    }
                }
                cx.keys.group.iter().map(|&g| by_group[g as usize]).collect()
            } else {
                cx.numbers(name)?.to_vec()
            }
        }
        Expr::Negate(e) => evaluate(e, cx)?.into_iter().map(|v| -v).collect(),
        Expr::Binary(op, a, b) => {
            let (a, b) = (evaluate(a, cx)?, evaluate(b, cx)?);
            let pairs = a.into_iter().zip(b);
            match op {
                '+' => pairs.map(|(a, b)| a + b).collect(),
                '-' => pairs.map(|(a, b)| a - b).collect(),
                '*' => pairs.map(|(a, b)| finite(a * b)).collect(),
                '/' => pairs.map(|(a, b)| finite(a / b)).collect(),
                _ => pairs.map(|(a, b)| finite(a.powf(b))).collect(),
            }
        }
        Expr::Call(name, args) => {
            let args = args.iter().map(|a| evaluate(a, cx)).collect::<Result<Vec<_>>>()?;
            let unary = |f: fn(f64) -> f64| args[0].iter().map(|v| finite(f(*v))).collect();
            match *name {
                "mean_by_unit" => mean_by(cx, &args[0], &cx.keys.unit),
                "mean_by_group" => mean_by(cx, &args[0], &cx.keys.group),
                "clamp" => (0..n).map(|r| both(both(args[0][r], args[1][r], f64::max), args[2][r], f64::min)).collect(),
                "min" => (0..n).map(|r| both(args[0][r], args[1][r], f64::min)).collect(),
                "max" => (0..n).map(|r| both(args[0][r], args[1][r], f64::max)).collect(),
                "abs" => unary(f64::abs),
                "sqrt" => unary(f64::sqrt),
                "ln" => unary(f64::ln),
                _ => unary(f64::exp),
            }
        }
    })
}

/// The mean of the present values per key (a unit's or a group's number) over the rows of the
/// step's level, given to every row of that key.
fn mean_by(cx: &StepContext, values: &[f64], keys: &[u32]) -> Values {
    let size = keys.iter().max().map_or(0, |k| *k as usize + 1);
    let (mut sums, mut counts) = (vec![0.0; size], vec![0usize; size]);
    let at_level = |r: usize| cx.frame.levels[r] == cx.level;
    for (r, v) in values.iter().enumerate() {
        if !v.is_nan() && at_level(r) {
            sums[keys[r] as usize] += v;
            counts[keys[r] as usize] += 1;
        }
    }
    (0..values.len())
        .map(
            |r| {
                if at_level(r) && counts[keys[r] as usize] > 0 {
                    sums[keys[r] as usize] / counts[keys[r] as usize] as f64
                } else {
                    MISSING
                }
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_signs_and_functions() {
        let e = parse("-year^2 * mean_by_unit(x) + `Anteil 18-25`/2").unwrap();
        let mut cols = vec![];
        e.columns(&mut cols);
        assert_eq!(cols, vec!["year", "x", "Anteil 18-25"]);
        assert_eq!(
            parse("2^3^2"),
            Ok(Expr::Binary(
                '^',
                Box::new(Expr::Number(2.0)),
                Box::new(Expr::Binary('^', Box::new(Expr::Number(3.0)), Box::new(Expr::Number(2.0))))
            ))
        );
        assert_eq!(parse("1.5e-3").unwrap(), Expr::Number(0.0015));
        assert_eq!(parse("a +").unwrap_err(), (3, "a number, a column or '('".into()));
        assert_eq!(parse("a b").unwrap_err().0, 2);
        assert!(parse("median(a)").unwrap_err().1.contains("mean_by_unit"));
        assert!(parse("clamp(a, 1)").unwrap_err().1.contains("3 argument(s) for clamp"));
        assert_eq!(parse("(a").unwrap_err(), (2, "')'".into()));
    }
}
