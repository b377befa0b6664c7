import check from '../../shell/checks/apt-get-missing-no-install-recommends.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
