import check from '../../shell/checks/apt-get-missing-no-install-recommends.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
