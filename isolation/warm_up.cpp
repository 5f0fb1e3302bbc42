#include "warm_up.h"

#include <exception>

#include "reading/loader.h"

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

void warm_up(const std::function<void(const Document&)>& use) {
    try {
        use(load_document_bytes(kTypicalPlan, "warm-up.txt"));
    } catch (const std::exception&) {
        // Only a head start.
    }
}

}  // namespace congvan
