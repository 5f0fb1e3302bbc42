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
    return pdf_of_objects(objects);
}

void warm_up(const std::function<void(const Document&)>& use) {
    try {
        use(load_document_bytes(kTypicalPlan, "warm-up.txt"));
        PdfOptions text_only;
        text_only.text_layer_only = true;
        read_pdf_pages(warm_up_pdf(), nullptr, text_only);
        keep_pdf_open(warm_up_pdf());
    } catch (const std::exception&) {
        // Only a head start.
    }
}

}  // namespace congvan
