/// CSV text as FellowMatch writes it (`CSVWriter`: RFC 4180
/// quoting, quotes doubled, LF line ends; CRLF read too) read back into
/// records, byte by byte. A run's workbook copies tens of thousands of rows
/// of its own CSV outputs and inputs, which the general reader (the `CSV`
/// package, for people's own files) reads several times slower.
///
/// Outside quotes a comma ends a field and LF, CR or CRLF a record; a
/// quote opens a quoted part, where everything up to the next lone quote
/// is the field's (a doubled quote is one quote). A last record without a
/// line end is a record; no record follows a final line end.
enum CSVRecords {
    static func parse(_ text: String) -> [[String]] {
        let b = Array(text.utf8)
        var records: [[String]] = [], record: [String] = [], field: [UInt8] = []
        var i = 0, quoted = false, started = false
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while i < b.count {
            let c = b[i]
            i += 1
            if quoted {
                if c != 0x22 {
                    field.append(c)
                } else if i < b.count && b[i] == 0x22 {
                    field.append(0x22)
                    i += 1
                } else {
                    quoted = false
                }
                continue
            }
            switch c {
            case 0x22:
                quoted = true
                started = true
            case 0x2C:
                endField()
                started = true
            case 0x0A, 0x0D:
                if c == 0x0D && i < b.count && b[i] == 0x0A { i += 1 }
                endField()
                records.append(record)
                record = []
                started = false
            default:
                field.append(c)
                started = true
            }
        }
        if started {
            endField()
            records.append(record)
        }
        return records
    }
}
