package numerals

import (
	"strings"
)

// A careful translation converts units the reader does not use: 斤 to
// tonnes, 亩 to hectares, 公里 to miles, 万千瓦 to megawatts. A number
// records the unit written after it (Number.Unit, canonical symbols below)
// so that two numbers can be compared through their units (SI, Convert,
// Compare).

// unitDef is a canonical unit: its dimension and its size in the SI base
// unit of that dimension (m, m², m³, kg, W, J).
type unitDef struct {
	dim string
	si  float64
}

// Dimensions of units.
const (
	DimLength = "length" // m
	DimArea   = "area"   // m²
	DimVolume = "volume" // m³
	DimMass   = "mass"   // kg
	DimPower  = "power"  // W
	DimEnergy = "energy" // J
)

var unitTable = map[string]unitDef{
	"m": {DimLength, 1}, "km": {DimLength, 1e3}, "cm": {DimLength, 0.01}, "mm": {DimLength, 1e-3},
	"mi": {DimLength, 1609.344}, "nmi": {DimLength, 1852}, "ft": {DimLength, 0.3048},
	"m2": {DimArea, 1}, "km2": {DimArea, 1e6}, "ha": {DimArea, 1e4},
	// 1 mu = 1/15 hectare (the market-system 市亩)
	"mu": {DimArea, 1e4 / 15}, "acre": {DimArea, 4046.8564224}, "sqmi": {DimArea, 2589988.110336},
	"m3": {DimVolume, 1}, "L": {DimVolume, 1e-3}, "mL": {DimVolume, 1e-6},
	// 吨 and English "ton" in translations from Chinese are metric tonnes
	"t": {DimMass, 1000}, "kg": {DimMass, 1}, "g": {DimMass, 1e-3}, "mg": {DimMass, 1e-6},
	// 1 jin (市斤) = 0.5 kg
	"jin": {DimMass, 0.5},
	"W":   {DimPower, 1}, "kW": {DimPower, 1e3}, "MW": {DimPower, 1e6}, "GW": {DimPower, 1e9},
	"kWh": {DimEnergy, 3.6e6}, "MWh": {DimEnergy, 3.6e9}, "GWh": {DimEnergy, 3.6e12}, "TWh": {DimEnergy, 3.6e15},
}

// zhUnits maps Chinese measure words that are units to canonical units
// (keys are simplified; traditional text is folded before lookup, and
// 公尺 公頃 公噸 are Taiwan usage).
var zhUnits = map[string]string{
	"米": "m", "公尺": "m", "千米": "km", "公里": "km", "厘米": "cm", "公分": "cm", "毫米": "mm",
	"英里": "mi", "海里": "nmi", "英尺": "ft",
	"平方米": "m2", "平方公尺": "m2", "平方公里": "km2", "平方千米": "km2", "公顷": "ha",
	"亩": "mu", "英亩": "acre", "平方英里": "sqmi",
	"立方米": "m3", "立方公尺": "m3", "公升": "L", "毫升": "mL",
	"吨": "t", "公吨": "t", "公斤": "kg", "千克": "kg", "克": "g", "毫克": "mg", "斤": "jin",
	"瓦": "W", "千瓦": "kW", "兆瓦": "MW", "吉瓦": "GW", "瓩": "kW",
	"千瓦时": "kWh", "千瓦小时": "kWh",
}

// enUnitWords maps English unit words (lower case; a space separates the
// words of a compound) to canonical units, longest first when scanned.
var enUnitWords = map[string]string{
	"kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
	"metres": "m", "meters": "m", "metre": "m", "meter": "m",
	"centimetres": "cm", "centimeters": "cm", "cm": "cm", "millimetres": "mm", "millimeters": "mm", "mm": "mm",
	"miles": "mi", "mile": "mi", "nautical miles": "nmi", "nautical mile": "nmi", "feet": "ft", "foot": "ft",
	"square kilometres": "km2", "square kilometers": "km2", "square kilometre": "km2", "square kilometer": "km2",
	"sq km": "km2", "km2": "km2", "square km": "km2",
	"square metres": "m2", "square meters": "m2", "square metre": "m2", "square meter": "m2", "sq m": "m2", "m2": "m2",
	"square miles": "sqmi", "square mile": "sqmi",
	"hectares": "ha", "hectare": "ha", "ha": "ha", "mu": "mu", "acres": "acre", "acre": "acre",
	"cubic metres": "m3", "cubic meters": "m3", "cubic metre": "m3", "cubic meter": "m3", "m3": "m3",
	"litres": "L", "liters": "L", "litre": "L", "liter": "L",
	"tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "metric tons": "t", "metric tonnes": "t", "metric ton": "t",
	"kilograms": "kg", "kilogram": "kg", "kilos": "kg", "kg": "kg", "grams": "g", "gram": "g", "jin": "jin",
	"watts": "W", "watt": "W", "kilowatts": "kW", "kilowatt": "kW", "kw": "kW",
	"megawatts": "MW", "megawatt": "MW", "mw": "MW", "gigawatts": "GW", "gigawatt": "GW", "gw": "GW",
	"kilowatt hours": "kWh", "kilowatt hour": "kWh", "kwh": "kWh", "megawatt hours": "MWh", "mwh": "MWh",
	"gigawatt hours": "GWh", "gwh": "GWh", "terawatt hours": "TWh", "twh": "TWh",
}

// UnitDimension returns the dimension of a canonical unit (DimLength …),
// or "" for an unknown unit.
func UnitDimension(unit string) string {
	return unitTable[unit].dim
}

// Convert converts v from one canonical unit to another of the same
// dimension: Convert(5, "km", "mi") ≈ 3.107. ok is false when a unit is
// unknown or the dimensions differ.
func Convert(v float64, from, to string) (float64, bool) {
	a, okA := unitTable[from]
	b, okB := unitTable[to]
	if !okA || !okB || a.dim != b.dim {
		return 0, false
	}
	return v * a.si / b.si, true
}

// SI returns the number's value and upper end in the SI base unit of its
// dimension (m, m², m³, kg, W, J) with the dimension: 1.33万亿斤 →
// 6.65e11 kg, "665 million metric tons" → 6.65e11 kg. ok is false when the
// number has no known unit.
func (n Number) SI() (lo, up float64, dim string, ok bool) {
	u, known := unitTable[n.Unit]
	if !known {
		return 0, 0, "", false
	}
	return n.Value * u.si, hi(n) * u.si, u.dim, true
}

// enUnitAt reads an English unit word at token k (or after a hyphen glued to
// the number: "5-kilometre"). It returns the canonical unit and the index
// after it.
func enUnitAt(toks []tok, k int) (string, int) {
	if isPunct(toks, k, "-") && !toks[k].space {
		k++
	}
	if k >= len(toks) || toks[k].kind != tWord {
		return "", k
	}
	// two-word units first: "square kilometres", "metric tons", "kilowatt hours"
	if k+1 < len(toks) && toks[k+1].kind == tWord && toks[k+1].space {
		if u, ok := enUnitWords[toks[k].low+" "+toks[k+1].low]; ok {
			return u, k + 2
		}
	}
	// kilowatt-hours
	if isPunct(toks, k+1, "-") && k+2 < len(toks) && toks[k+2].kind == tWord && !toks[k+1].space && !toks[k+2].space {
		if u, ok := enUnitWords[toks[k].low+" "+toks[k+2].low]; ok {
			return u, k + 3
		}
	}
	w := toks[k].low
	if u, ok := enUnitWords[w]; ok && !strings.Contains(w, " ") {
		// symbols must be written as symbols: "km", not "KM" in a heading
		return u, k + 1
	}
	return "", k
}
