#include "warm_up.h"

#include <exception>
#include <string>
#include <vector>

#include "reading/loader.h"
#include "reading/pdf_source.h"

namespace congvan {

namespace {

// A plan that touches every field: header, motto, citation, theme, dates of the
// Week, opening, report deadline, recipients and signer.
constexpr const char* kTypicalPlan =
    "Ký bởi: Ủy ban nhân dân tỉnh Nghệ An\nThời gian ký: 21/09/2024 09:41:27\n"
    "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 812/KH-UBND\nNghệ An, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\nKính gửi: Sở Giáo dục và Đào tạo\n"
    "Căn cứ Công văn số 5201/BGDĐT-GDTX ngày 09/9/2024 của Bộ Giáo dục và Đào tạo.\n"
    "Chủ đề: “Phát triển văn hóa đọc thúc đẩy học tập suốt đời”. Tuần lễ từ ngày 01/10/2024 đến ngày 07/10/2024;"
    " khai mạc vào thứ Ba, ngày 01/10/2024. Báo cáo trước ngày 15/11/2024.\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Đình Long\n";

}  // namespace

std::string warm_up_pdf() {
    const std::string content = "BT /F1 12 Tf 72 770 Td (So: 812/KH-UBND ngay 20 thang 9 nam 2024, Tuan le hoc tap suot doi) Tj ET";
    const std::vector<std::string> objects{
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (auto offset : offsets) {
        std::string digits = std::to_string(offset);
        pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

void warm_up(const std::function<void(const Document&)>& use) {
    try {
        use(load_document_bytes(kTypicalPlan, "warm-up.txt"));
        PdfOptions text_only;
        text_only.text_layer_only = true;
        read_pdf_pages(warm_up_pdf(), nullptr, text_only);
    } catch (const std::exception&) {
        // Only a head start.
    }
}

}  // namespace congvan
